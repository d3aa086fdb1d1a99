import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

// Finds texts written straight into pages and components: JSX text, user-facing attributes
// (aria-label, title, placeholder, alt, label) and string literals that read like words.

export const ROOT = join(__dirname, '../..');
const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
/** Strings that look like words but are code: key names, header names, the product's name. */
const NOT_TEXT = new Set([
  'Enter',
  'Escape',
  'ArrowDown',
  'ArrowUp',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'Tab',
  'Backspace',
  'Delete',
  'Content-Type',
  'Content-Length',
  'Handoff',
  'Range',
]);
/** Calls whose string arguments are not shown to anyone (or are message keys). */
const CODE_CALLS =
  /^(t|t\.rich|t\.markup|t\.has|useTranslations|getTranslations|console\.\w+|Error|require|import|fetch|headers\.\w+|\w+\.(get|set|has|append|delete|getAttribute|setAttribute|querySelector|querySelectorAll|closest|addEventListener|removeEventListener|startsWith|endsWith|includes|split|replace|matchMedia|toLocaleString|toLocaleDateString|toLocaleTimeString|getItem|setItem|removeItem))$/;

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx$/.test(name) ? [path] : [];
  });
}

const looksLikeWords = (text: string) => /^\s*\p{Lu}\p{Ll}/u.test(text) || /\p{L}{2,}[^\n]*\s\p{L}{2,}[^\n]*[.!?:]$/u.test(text.trim());

function calleeName(node: ts.CallExpression | ts.NewExpression): string {
  return node.expression.getText().replace(/\s+/g, '');
}

/** Where a literal sits decides whether it is text for people or a value for code. */
function isCode(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent) || ts.isLiteralTypeNode(parent)) return true;
  if (ts.isExpressionStatement(parent)) return true; // 'use client'
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) || ts.isCaseClause(parent)) return true;
  if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(parent.operatorToken.kind)) return true;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && CODE_CALLS.test(calleeName(parent))) return true;
  if (ts.isJsxAttribute(parent)) return !USER_FACING_ATTRIBUTES.has(parent.name.getText());
  return false;
}

export function literalsIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${relative(ROOT, file)}:${line + 1}: ${JSON.stringify(text.trim().slice(0, 60))}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (/\p{L}/u.test(node.text)) report(node, node.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const attribute = ts.isJsxAttribute(node.parent) ? node.parent.name.getText() : null;
      const shown = attribute ? USER_FACING_ATTRIBUTES.has(attribute) && /\p{L}/u.test(node.text) : looksLikeWords(node.text);
      if (shown && !NOT_TEXT.has(node.text) && !isCode(node)) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      if (looksLikeWords(node.head.text) && /\p{L}{2,}\s\p{L}/u.test(text) && !isCode(node)) report(node, node.head.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
