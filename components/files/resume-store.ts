// Unfinished multipart uploads, remembered in this browser so a reload can offer to resume.
// The file itself cannot be kept: the person picks it again and we check it is the same one.
// scope says where the upload was going (a folder, or an upload request).

export type ResumeRecord = { handle: string; name: string; size: number; lastModified: number; scope: string };

const PREFIX = 'handoff:upload:';

export function rememberUpload(record: ResumeRecord) {
  localStorage.setItem(PREFIX + record.handle, JSON.stringify(record));
}

export function forgetUpload(handle: string) {
  localStorage.removeItem(PREFIX + handle);
}

export function unfinishedUploads(scope: string): ResumeRecord[] {
  const records: ResumeRecord[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      const record = JSON.parse(localStorage.getItem(key) ?? '') as ResumeRecord;
      if (record.scope === scope && record.handle) records.push(record);
    } catch {
      localStorage.removeItem(key);
    }
  }
  return records;
}

export function isSameFile(record: ResumeRecord, file: File): boolean {
  return file.name === record.name && file.size === record.size && file.lastModified === record.lastModified;
}
