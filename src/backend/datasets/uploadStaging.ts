// Browser mode cannot hand the back end a path, so the server streams an upload into a private staging folder
// and the import refers to it by id. Staged files are removed after the import, and on start-up.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HoldoutError } from '../../shared';

export interface StagedUpload {
  uploadId: string;
  fileName: string;
  path: string;
  bytes: number;
}

export class UploadStaging {
  private readonly staged = new Map<string, StagedUpload>();

  constructor(
    private readonly dir: string,
    private readonly maxBytes = 8 * 1024 ** 3,
  ) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  async receive(fileName: string, body: Readable): Promise<StagedUpload> {
    const uploadId = `up_${randomBytes(16).toString('hex')}`;
    const path = join(this.dir, uploadId);
    let bytes = 0;
    const limit = this.maxBytes;
    body.on('data', (b: Buffer) => {
      bytes += b.byteLength;
      if (bytes > limit) body.destroy(new HoldoutError('INVALID_REQUEST', `Upload larger than ${limit} bytes.`));
    });
    try {
      await pipeline(body, createWriteStream(path));
    } catch (err) {
      rmSync(path, { force: true });
      throw err;
    }
    const upload = { uploadId, fileName, path, bytes };
    this.staged.set(uploadId, upload);
    return upload;
  }

  resolve(uploadId: string): StagedUpload {
    const upload = this.staged.get(uploadId);
    if (!upload) throw new HoldoutError('NOT_FOUND', `No staged upload ${uploadId}: upload the file again.`);
    return upload;
  }

  release(uploadId: string): void {
    const upload = this.staged.get(uploadId);
    if (!upload) return;
    this.staged.delete(uploadId);
    rmSync(upload.path, { force: true });
  }

  dispose(): void {
    for (const id of [...this.staged.keys()]) this.release(id);
  }
}
