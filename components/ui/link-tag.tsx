import Link from 'next/link';

/** A link that stands out in a paragraph of text. */
export const inlineLink = 'font-medium text-zinc-900 underline underline-offset-2';

/** The <link> tag of a translated message (t.rich): its words become a link to a page of the app. */
export function linkTag(href: React.ComponentProps<typeof Link>['href'], className = 'underline') {
  return function link(chunks: React.ReactNode) {
    return (
      <Link href={href} className={className}>
        {chunks}
      </Link>
    );
  };
}
