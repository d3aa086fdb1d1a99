import { expect, test } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { previewContentType, previewKind } from '@/lib/files/preview-kind';
import { parseCsv } from '@/components/preview/parse-csv';
import { MarkdownView } from '@/components/preview/markdown-view';

test('each previewable type gets its kind, by type or, for text-like files, by name first', () => {
  const cases: [string, string, string][] = [
    ['image/png', 'photo.png', 'image'],
    ['image/jpeg', 'photo', 'image'],
    ['image/svg+xml', 'logo.svg', 'svg'],
    ['text/html', 'logo.svg', 'svg'],
    ['application/pdf', 'report.pdf', 'pdf'],
    ['audio/wav', 'tone.wav', 'audio'],
    ['video/webm', 'clip.webm', 'video'],
    ['text/plain', 'notes.txt', 'text'],
    ['text/csv', 'table.csv', 'csv'],
    ['application/vnd.ms-excel', 'table.csv', 'csv'],
    ['', 'README.md', 'markdown'],
    ['text/markdown; charset=utf-8', 'notes', 'markdown'],
    ['video/mp2t', 'index.ts', 'code'],
    ['text/x-python', 'script.py', 'code'],
    ['text/html', 'page.html', 'code'],
    ['application/xml', 'feed', 'code'],
  ];
  for (const [type, name, kind] of cases) expect(previewKind(type, name), `${type} ${name}`).toBe(kind);
});

test('unknown types, archives and office documents are not previewed', () => {
  for (const [type, name] of [
    ['application/octet-stream', 'blob.bin'],
    ['application/zip', 'all.zip'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'letter.docx'],
    ['application/xhtml+xml', 'page'],
    ['', 'no-extension'],
  ]) {
    expect(previewKind(type!, name!), `${type} ${name}`).toBeNull();
  }
});

test('previews are signed with a type that cannot run script as a document', () => {
  expect(previewContentType('code', 'text/html; charset=utf-7')).toBe('text/plain; charset=utf-8');
  expect(previewContentType('code', 'application/xml')).toBe('text/plain; charset=utf-8');
  expect(previewContentType('markdown', 'text/markdown')).toBe('text/plain; charset=utf-8');
  expect(previewContentType('csv', 'text/csv')).toBe('text/plain; charset=utf-8');
  expect(previewContentType('image', 'IMAGE/PNG; x=1')).toBe('image/png');
  expect(previewContentType('svg', 'text/html')).toBe('image/svg+xml');
  expect(previewContentType('pdf', 'application/pdf; charset=utf-7')).toBe('application/pdf');
  expect(previewContentType('audio', 'audio/wav')).toBe('audio/wav');
});

test('CSV: quoted fields with commas, quotes and line breaks; rows and columns capped', () => {
  const { rows, isCut } = parseCsv('name,note\r\n"Smith, Ana","said ""hi""\nthen left"\nBo,ok\n', 10, 10);
  expect(rows).toEqual([
    ['name', 'note'],
    ['Smith, Ana', 'said "hi"\nthen left'],
    ['Bo', 'ok'],
  ]);
  expect(isCut).toBe(false);
  const capped = parseCsv('a,b,c\n1,2,3\n4,5,6\n', 2, 2);
  expect(capped).toEqual({
    rows: [
      ['a', 'b'],
      ['1', '2'],
    ],
    isCut: true,
  });
});

test('Markdown: headings, lists and links render; raw HTML stays text and only http, https and mailto links are kept', () => {
  const html = renderToStaticMarkup(
    createElement(MarkdownView, {
      source: '# Title\n\n- one\n- **two**\n\n<script>alert(1)</script> [safe](https://example.com) [bad](javascript:alert(1)) [data](data:text/html,x)',
    }),
  );
  expect(html).toContain('<h1 class="text-2xl font-semibold">Title</h1>');
  expect(html).toContain('<li><strong>two</strong></li>');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer" class="underline">safe</a>');
  expect(html).not.toContain('javascript:');
  expect(html).not.toContain('href="data:');
});
