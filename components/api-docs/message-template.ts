import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * An ICU message as a readable template for the docs: "Try again in ‹wait› minutes." for
 * "{unit, select, … other {{wait, plural, … other {# minutes}}}}". Values become their names in
 * angle quotes; plurals and selects take their `other` form.
 */
export function messageTemplate(message: string): string {
  return write(parse(message), null);
}

function write(elements: MessageFormatElement[], counted: string | null): string {
  return elements
    .map((element) => {
      switch (element.type) {
        case TYPE.literal:
          return element.value;
        case TYPE.pound:
          return `‹${counted ?? '#'}›`;
        case TYPE.tag:
          return write(element.children, counted);
        case TYPE.plural:
        case TYPE.select:
          return write(element.options.other?.value ?? [], element.type === TYPE.plural ? element.value : counted);
        default:
          return `‹${element.value}›`;
      }
    })
    .join('');
}
