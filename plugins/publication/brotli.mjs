// Brotli for the precompressed files of the site (plugins/publication/precompression.py),
// with Node's built-in zlib: no package.
//
//   node plugins/publication/brotli.mjs  < one job a line: {"src": "in", "dst": "out.br", "quality": 11}
//
// Each job starts as soon as its line arrives (the caller sends them while it is still
// hashing and gzipping the others) and a core is free: one worker thread a core
// (BROTLI_THREADS, default: the cores Node may use), each compressing one file at a time
// with the synchronous call.  Quality 11 (the best) unless the job says otherwise; the caller
// caches the results by content.  Exits non-zero if any job failed.
//
// Measured on the 1 056 pages of 1 000 synthetic articles (60 MB, quality 6, 2 cores): the
// asynchronous call for every job at once, as until December 2026, took 5.5 to 9 s of CPU;
// this takes 3.2 to 3.6 s, for copies of the same size.  The window (LGWIN) is no larger than
// the file needs (16 to 24 bits): a 24-bit window for a 60 KB page only cost memory.

import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { createInterface } from "node:readline";
import { Worker, isMainThread, parentPort, threadId } from "node:worker_threads";
import { brotliCompressSync, constants } from "node:zlib";

function compress({ src, dst, quality = 11 }) {
  const data = readFileSync(src);
  const out = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_LGWIN]: Math.min(24, Math.max(16, Math.ceil(Math.log2(data.length + 1)))),
    },
  });
  const tmp = `${dst}.${process.pid}.${threadId}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, dst);
}

if (!isMainThread) {
  parentPort.on("message", (job) => {
    try {
      compress(job);
      parentPort.postMessage(null);
    } catch (err) {
      parentPort.postMessage(`${job.src}: ${err}`);
    }
  });
} else {
  const count = Math.max(1, Number(process.env.BROTLI_THREADS) || availableParallelism());
  const queue = [];
  const idle = [];
  const errors = [];
  const workers = [];
  let pending = 0;
  let ended = false;

  const finish = () => {
    if (!ended || pending > 0) return;
    for (const w of workers) w.terminate();
    for (const e of errors) console.error(e);
    process.exitCode = errors.length ? 1 : 0;
  };
  const dispatch = () => {
    while (idle.length && queue.length) idle.pop().postMessage(queue.shift());
  };
  const start = () => {
    const w = new Worker(new URL(import.meta.url));
    w.on("message", (error) => {
      pending -= 1;
      if (error) errors.push(error);
      idle.push(w);
      dispatch();
      finish();
    });
    w.on("error", (err) => {
      // a thread that died takes its job with it: the build fails, and says why
      errors.push(String(err));
      pending -= 1;
      workers.splice(workers.indexOf(w), 1);
      if (idle.includes(w)) idle.splice(idle.indexOf(w), 1);
      if (workers.length === 0) {
        errors.push(`${pending} fichiers non compressés`);
        pending = 0;
        queue.length = 0;
      }
      finish();
    });
    workers.push(w);
    idle.push(w);
  };
  for (let i = 0; i < count; i += 1) start();

  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim()) {
      queue.push(JSON.parse(line));
      pending += 1;
      dispatch();
    }
  }
  ended = true;
  finish();
}
