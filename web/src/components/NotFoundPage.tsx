// A path the UI does not have.
import { Link } from './Link';
import { PageHeading } from './PageHeading';

export function NotFoundPage() {
  return (
    <section class="card">
      <PageHeading>Page not found</PageHeading>
      <p>
        There is no such page. <Link href="/">Go to today</Link>.
      </p>
    </section>
  );
}
