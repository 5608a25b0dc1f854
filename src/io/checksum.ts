// Input provenance for reports: SHA-256 and size of each file, streamed (matrices can be GBs).
import { createReadStream, statSync } from 'node:fs';
import { createHash } from 'node:crypto';

export async function fileChecksum(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  await new Promise<void>((resolve, reject) => {
    createReadStream(path, { highWaterMark: 1 << 22 })
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve())
      .on('error', reject);
  });
  return { sha256: hash.digest('hex'), bytes: statSync(path).size };
}
