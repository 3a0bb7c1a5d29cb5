// Brotli for the precompressed files of the site (plugins/publication/precompression.py),
// with Node's built-in zlib: no package.
//
//   node plugins/publication/brotli.mjs  < one job a line: {"src": "in", "dst": "out.br", "quality": 11}
//
// Each job starts as soon as its line arrives (the caller sends them while it is still
// hashing and gzipping the others) and runs on libuv's thread pool (UV_THREADPOOL_SIZE):
// every core compresses.  Quality 11 (the best) unless the job says otherwise; the caller
// caches the results by content.  Exits non-zero if any job failed.

import { readFile, writeFile, rename } from "node:fs/promises";
import { createInterface } from "node:readline";
import { brotliCompress, constants } from "node:zlib";
import { promisify } from "node:util";

const compress = promisify(brotliCompress);

async function run({ src, dst, quality = 11 }) {
  const data = await readFile(src);
  const out = await compress(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_LGWIN]: 24,
    },
  });
  const tmp = `${dst}.${process.pid}.tmp`;
  await writeFile(tmp, out);
  await rename(tmp, dst);
}

const jobs = [];
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim()) jobs.push(run(JSON.parse(line)));
}
const failed = (await Promise.allSettled(jobs)).filter((r) => r.status === "rejected");
for (const f of failed) console.error(String(f.reason));
process.exitCode = failed.length ? 1 : 0;
