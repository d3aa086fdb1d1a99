// Unfinished multipart uploads, remembered in this browser so a reload can offer to resume.
// The file itself cannot be kept: the person picks it again and we check it is the same one.

export type ResumeRecord = { fileId: string; name: string; size: number; lastModified: number; folderId: string | null };

const PREFIX = 'handoff:upload:';

export function rememberUpload(record: ResumeRecord) {
  localStorage.setItem(PREFIX + record.fileId, JSON.stringify(record));
}

export function forgetUpload(fileId: string) {
  localStorage.removeItem(PREFIX + fileId);
}

export function unfinishedUploads(folderId: string | null): ResumeRecord[] {
  const records: ResumeRecord[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      const record = JSON.parse(localStorage.getItem(key) ?? '') as ResumeRecord;
      if (record.folderId === folderId) records.push(record);
    } catch {
      localStorage.removeItem(key);
    }
  }
  return records;
}

export function isSameFile(record: ResumeRecord, file: File): boolean {
  return file.name === record.name && file.size === record.size && file.lastModified === record.lastModified;
}
