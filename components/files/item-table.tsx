import Link from 'next/link';
import { FolderIcon } from '@/components/ui/icons';

// Every column but the name is as narrow as its content and never wraps; the name takes the rest.
export const cell = 'whitespace-nowrap px-3 py-2.5 text-zinc-600';
export const nameCell = 'w-full max-w-0 px-3 py-2.5';

type Props = {
  /** The head of the checkbox column (select all, when there is anything to select). */
  selectAll: React.ReactNode;
  /** The head cells between the checkbox and the actions. */
  columns: React.ReactNode;
  actionsLabel: string;
  children: React.ReactNode;
};

/** The frame of a list of folders and files: a checkbox column first, the actions' menu last. */
export function ItemTable({ selectAll, columns, actionsLabel, children }: Props) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 text-zinc-600">
          <tr>
            <th scope="col" className="w-px py-2 pl-4">
              {selectAll}
            </th>
            {columns}
            <th scope="col" className="w-px px-3 py-2">
              <span className="sr-only">{actionsLabel}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">{children}</tbody>
      </table>
    </div>
  );
}

/** A folder's name, which opens it. */
export function FolderNameCell({ href, name }: { href: React.ComponentProps<typeof Link>['href']; name: string }) {
  return (
    <td className={nameCell}>
      <Link href={href} className="flex items-center gap-2 font-medium hover:underline" title={name}>
        <FolderIcon />
        <span className="truncate">{name}</span>
      </Link>
    </td>
  );
}
