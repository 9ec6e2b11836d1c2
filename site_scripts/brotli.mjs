// Brotli (quality 11) copies of files, for hosts that serve pre-compressed .br files
// (Python's standard library has no brotli; Node's zlib does):  node brotli.mjs IN OUT [IN OUT ...]
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";

const files = process.argv.slice(2);
for (let i = 0; i + 1 < files.length; i += 2) {
  const data = readFileSync(files[i]);
  const packed = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  writeFileSync(files[i + 1] + ".partial", packed);
  renameSync(files[i + 1] + ".partial", files[i + 1]);
}
