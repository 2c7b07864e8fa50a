// Circles: the invite-only groups you belong to, a form to start one, and joining with a code.
import type { ApiClient } from '../../api';
import { navigate } from '../../router';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { Link } from '../Link';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { CircleCreateForm } from './CircleCreateForm';
import { CircleJoinForm } from './CircleJoinForm';
import { type Circle, listCircles } from './data';
import './circles.css';

export function CirclesPage({ api, me }: { api: ApiClient; me: Me }) {
  void me;
  const { data: circles, failed, retry } = useLoad(() => listCircles(api), [api]);
  const open = (c: Circle) => navigate(`/circles/${c.id}`);

  return (
    <>
      <div class="page-title">
        <PageHeading>Circles</PageHeading>
      </div>
      <p class="section-intro circles-intro">
        A circle is a small, invite-only group of people changing their working lives together. Members see only the wins
        and pledges shared with the circle.
      </p>
      <div class="columns columns--main-side">
        <section class="card" aria-labelledby="circles-list-title">
          <h2 id="circles-list-title">Your circles</h2>
          {failed ? (
            <StatusNote kind="error" onRetry={retry}>Your circles could not be loaded.</StatusNote>
          ) : circles === null ? (
            <StatusNote kind="loading">Loading your circles…</StatusNote>
          ) : circles.length === 0 ? (
            <StatusNote kind="empty">You are not in a circle yet. Start one, or join with a code someone gave you.</StatusNote>
          ) : (
            <ul class="circles-list">
              {circles.map((c) => (
                <li key={c.id} class="circles-item">
                  <p class="circles-item-head">
                    <Link href={`/circles/${c.id}`} class="circles-item-name">{c.name}</Link>
                    {c.owner && <span class="pill pill--accent">owner</span>}
                  </p>
                  {c.purpose && <p class="circles-item-purpose">{c.purpose}</p>}
                  <p class="circles-item-members">{c.members === 1 ? '1 member' : `${c.members} members`}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div class="column">
          <CircleCreateForm api={api} onCreated={open} />
          <CircleJoinForm api={api} onJoined={open} />
        </div>
      </div>
    </>
  );
}
