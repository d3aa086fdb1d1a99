import type { ReactNode } from 'react';

// A small Markdown renderer for previews: headings, paragraphs, lists, quotes, fenced code, rules,
// and inline code, bold, italics and links. Everything goes through React, so text is always
// escaped and raw HTML shows as the text it is. Links keep only http, https and mailto targets and
// open away from the page (noopener, noreferrer); any other target (javascript:, data:) is plain text.

const SAFE_LINK = /^(https?:|mailto:)/i;
const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)|(\[[^\]]*\]\([^)\s]*\))/;

function inline(text: string, keyPrefix: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let rest = text;
  for (let n = 0; rest; n++) {
    const match = INLINE.exec(rest);
    if (!match) {
      nodes.push(rest);
      break;
    }
    if (match.index > 0) nodes.push(rest.slice(0, match.index));
    nodes.push(inlineElement(match[0], `${keyPrefix}-${n}`));
    rest = rest.slice(match.index + match[0].length);
  }
  return nodes;
}

function inlineElement(token: string, key: string): ReactNode {
  if (token.startsWith('`'))
    return (
      <code key={key} className="rounded bg-zinc-100 px-1 font-mono text-[0.9em]">
        {token.slice(1, -1)}
      </code>
    );
  if (token.startsWith('**')) return <strong key={key}>{inline(token.slice(2, -2), key)}</strong>;
  if (token.startsWith('[')) {
    const [, text = '', href = ''] = /^\[([^\]]*)\]\(([^)\s]*)\)$/.exec(token) ?? [];
    if (!SAFE_LINK.test(href)) return <span key={key}>{inline(text, key)}</span>;
    return (
      <a key={key} href={href} target="_blank" rel="noopener noreferrer" className="underline">
        {inline(text, key)}
      </a>
    );
  }
  return <em key={key}>{inline(token.slice(1, -1), key)}</em>;
}

type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'code' | 'paragraph' | 'quote'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'rule' };

const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+(.*)$/;

function blocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const result: Block[] = [];
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!line.trim()) i++;
    else if (line.startsWith('```')) {
      const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
      const stop = end === -1 ? lines.length : end;
      result.push({ type: 'code', text: lines.slice(i + 1, stop).join('\n') });
      i = stop + 1;
    } else if (heading) {
      result.push({ type: 'heading', level: heading[1]!.length, text: heading[2]! });
      i++;
    } else if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      result.push({ type: 'rule' });
      i++;
    } else if (LIST_ITEM.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      for (let match = LIST_ITEM.exec(line); i < lines.length && match; match = LIST_ITEM.exec(lines[++i] ?? '')) items.push(match[2]!);
      result.push({ type: 'list', ordered, items });
    } else {
      const isQuote = line.startsWith('>');
      const continues = (next: string) => next.trim() !== '' && next.startsWith('>') === isQuote && !LIST_ITEM.test(next) && !/^(#{1,6}\s|```)/.test(next);
      const run = [line];
      while (i + 1 < lines.length && continues(lines[i + 1]!)) run.push(lines[++i]!);
      i++;
      result.push({ type: isQuote ? 'quote' : 'paragraph', text: run.map((l) => (isQuote ? l.replace(/^>\s?/, '') : l)).join(' ') });
    }
  }
  return result;
}

const HEADING_CLASS = ['text-2xl', 'text-xl', 'text-lg', 'text-base', 'text-sm', 'text-sm'];

function renderBlock(block: Block, key: string): ReactNode {
  switch (block.type) {
    case 'heading': {
      const Tag = `h${block.level}` as 'h1';
      return (
        <Tag key={key} className={`${HEADING_CLASS[block.level - 1]} font-semibold`}>
          {inline(block.text, key)}
        </Tag>
      );
    }
    case 'code':
      return (
        <pre key={key} className="overflow-x-auto rounded-lg bg-zinc-100 p-3 font-mono text-xs">
          {block.text}
        </pre>
      );
    case 'quote':
      return (
        <blockquote key={key} className="border-l-4 border-zinc-300 pl-3 text-zinc-700">
          {inline(block.text, key)}
        </blockquote>
      );
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List key={key} className={`${block.ordered ? 'list-decimal' : 'list-disc'} space-y-1 pl-6`}>
          {block.items.map((item, n) => (
            <li key={n}>{inline(item, `${key}-${n}`)}</li>
          ))}
        </List>
      );
    }
    case 'rule':
      return <hr key={key} className="border-zinc-200" />;
    default:
      return <p key={key}>{inline(block.text, key)}</p>;
  }
}

export function MarkdownView({ source }: { source: string }) {
  return <div className="space-y-3 text-sm break-words">{blocks(source).map((block, n) => renderBlock(block, String(n)))}</div>;
}
