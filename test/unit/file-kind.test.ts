import { describe, expect, test } from 'vitest';
import { fileExtension, fileKind } from '@/lib/files/kind';

describe('fileKind', () => {
  test('names Office, PDF and archive types that a raw MIME type would hide', () => {
    expect(fileKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'a.docx')).toBe('word');
    expect(fileKind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'a.xlsx')).toBe('spreadsheet');
    expect(fileKind('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'a.pptx')).toBe('presentation');
    expect(fileKind('application/pdf', 'a.pdf')).toBe('pdf');
    expect(fileKind('application/zip', 'a.zip')).toBe('archive');
    expect(fileKind('text/csv; charset=utf-8', 'a.csv')).toBe('spreadsheet');
  });
  test('places whole families by their prefix', () => {
    expect(fileKind('image/png', 'a.png')).toBe('image');
    expect(fileKind('image/svg+xml', 'a.svg')).toBe('image');
    expect(fileKind('video/mp4', 'a.mp4')).toBe('video');
    expect(fileKind('audio/mpeg', 'a.mp3')).toBe('audio');
    expect(fileKind('text/plain', 'a.txt')).toBe('text');
    expect(fileKind('text/html', 'a.html')).toBe('code');
  });
  test('falls back to the extension when the browser sent no useful type, then to other', () => {
    expect(fileKind('application/octet-stream', 'Minutes.DOCX')).toBe('word');
    expect(fileKind('', 'photo.jpeg')).toBe('image');
    expect(fileKind('application/octet-stream', 'disk.iso')).toBe('other');
    expect(fileKind('application/octet-stream', 'README')).toBe('other');
  });
  test('knows every extension the preview knows (one table, lib/files/file-types.ts)', () => {
    expect(fileKind('application/octet-stream', 'script.py')).toBe('code');
    expect(fileKind('', 'server.log')).toBe('text');
    expect(fileKind('', 'notes.markdown')).toBe('text');
  });
});

describe('fileExtension', () => {
  test('takes the last short extension, lower-cased', () => {
    expect(fileExtension('report.final.PDF')).toBe('pdf');
    expect(fileExtension('archive.tar.gz')).toBe('gz');
    expect(fileExtension('README')).toBeNull();
    expect(fileExtension('notes.')).toBeNull();
    expect(fileExtension('weird.extension-too-long')).toBeNull();
  });
});
