import Link from 'next/link';
import { StatusCard } from '@/components/ui/status-card';
import { button } from '@/components/ui/styles';

// A share, request or folder that does not exist or belongs to someone else (the two look the
// same, so nobody learns what others have). Shown inside the app's header.
export default function AppNotFound() {
  return (
    <StatusCard
      title="Page not found"
      actions={
        <Link href="/files" className={button.primary}>
          Go to your files
        </Link>
      }
    >
      <p>This page does not exist, or it is not yours. If you followed a link, it may be out of date.</p>
    </StatusCard>
  );
}
