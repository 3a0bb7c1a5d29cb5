// Brotli for the precompressed files of the site (plugins/publication/precompression.py),
// with Node's built-in zlib: no package.
//
//   node plugins/publication/brotli.mjs < [{"src": "in", "dst": "out.br", "quality": 11}, ...]
//
// Quality 11 (the best) unless the job says otherwise; the caller caches the results by content.

import { readFile, writeFile, rename } from "node:fs/promises";
import { brotliCompress, constants } from "node:zlib";
import { promisify } from "node:util";

const compress = promisify(brotliCompress);
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const jobs = JSON.parse(Buffer.concat(chunks).toString("utf8"));
// biggest first: they run on libuv's thread pool, the small ones fill the gaps
jobs.sort((a, b) => (b.size || 0) - (a.size || 0));
await Promise.all(
  jobs.map(async ({ src, dst, quality = 11 }) => {
    const data = await readFile(src);
    const out = await compress(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_LGWIN]: 24,
      },
    });
    await writeFile(dst + ".tmp", out);
    await rename(dst + ".tmp", dst);
  }),
);
