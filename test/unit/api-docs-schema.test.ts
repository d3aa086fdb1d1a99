import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { constraintsOf, nestedShapes, typeOf, type Schema } from '@/components/api-docs/json-schema';
import { messageTemplate } from '@/components/api-docs/message-template';

// The docs page shows any schema an operation declares: these are the shapes zod writes for the
// API's bodies and answers (nullable, enums, arrays of objects, unions of objects, codecs).

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Schema;

describe('the docs page reads JSON Schemas', () => {
  const body = json(
    z.object({
      name: z.string().min(1).max(255),
      folderId: z.string().nullable().optional(),
      sort: z.enum(['name', 'date']).default('name'),
      expiresIn: z.number().int().min(1).max(604800),
      emails: z.array(z.email()).max(50),
      items: z.array(z.object({ kind: z.enum(['file', 'folder']), name: z.string() })),
      when: z.iso.datetime(),
    }),
  );
  const field = (name: string) => body.properties![name]!;

  it('writes each type as code, with null and enums spelled out', () => {
    expect(typeOf(field('name'), body)).toBe('string');
    expect(typeOf(field('folderId'), body)).toBe('string | null');
    expect(typeOf(field('sort'), body)).toBe('"name" | "date"');
    expect(typeOf(field('expiresIn'), body)).toBe('integer');
    expect(typeOf(field('emails'), body)).toBe('string[]');
    expect(typeOf(field('items'), body)).toBe('object[]');
  });

  it('lists the limits as JSON Schema names them', () => {
    expect(constraintsOf(field('name'), body)).toEqual(['minLength: 1', 'maxLength: 255']);
    expect(constraintsOf(field('expiresIn'), body)).toEqual(expect.arrayContaining(['minimum: 1', 'maximum: 604800']));
    expect(constraintsOf(field('sort'), body)).toEqual(['default: "name"']);
    expect(constraintsOf(field('emails'), body)).toEqual(expect.arrayContaining(['maxItems: 50', 'items format: "email"']));
    expect(constraintsOf(field('when'), body)).toEqual(['format: "date-time"']);
  });

  it('finds the objects to list under a field: its items, or each object of a union', () => {
    expect(Object.keys(nestedShapes(field('items'), body)[0]!.properties!)).toEqual(['kind', 'name']);
    expect(nestedShapes(field('name'), body)).toEqual([]);
    const union = json(
      z.discriminatedUnion('method', [z.object({ method: z.literal('post'), url: z.string() }), z.object({ method: z.literal('multipart'), partSize: z.number() })]),
    );
    expect(nestedShapes(union, union).map((shape) => Object.keys(shape.properties!))).toEqual([
      ['method', 'url'],
      ['method', 'partSize'],
    ]);
    expect(typeOf(union.anyOf?.[0]?.properties?.method ?? union.oneOf![0]!.properties!.method!, union)).toBe('"post"');
  });

  it('writes a refusal message as a template: values by name, plurals in their general form', () => {
    expect(messageTemplate('Too many wrong passwords. Try again in {seconds, plural, one {# second} other {# seconds}}.')).toBe(
      'Too many wrong passwords. Try again in ‹seconds› seconds.',
    );
    expect(messageTemplate('“{name}” is too large.')).toBe('“‹name›” is too large.');
    expect(messageTemplate('Wait {unit, select, second {{wait, plural, one {# second} other {# seconds}}} other {{wait, plural, one {# minute} other {# minutes}}}}.')).toBe(
      'Wait ‹wait› minutes.',
    );
  });
});
