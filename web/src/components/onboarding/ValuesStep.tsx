// Step 1, the values card sort: pick the cards that matter, add your own, then order the top five.
import { useLayoutEffect, useState } from 'preact/hooks';
import { describedBy, FieldError } from '../FieldError';
import type { CatalogueValue } from './data';
import { ids, type StepProps } from './save';
import { addCustom, isPicked, moveValue, ordinal, TOP_VALUES, togglePick } from './values-sort';

interface Props extends StepProps {
  catalogue: readonly CatalogueValue[];
  setError: (id: string, message: string | undefined) => void;
}

export function ValuesStep({ catalogue, progress, errors, change, setError }: Props) {
  const [custom, setCustom] = useState('');
  const [announce, setAnnounce] = useState('');
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const names = catalogue.map((c) => c.name);
  const cards = [
    ...catalogue.map((c) => ({ name: c.name, description: c.description })),
    ...progress.custom.filter((n) => !names.some((c) => c.toLowerCase() === n.toLowerCase())).map((n) => ({ name: n, description: 'Your own' })),
  ];
  const cardIndex = (name: string) => cards.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());

  // A moved item is re-placed in the list; focus follows it to the button that still works, at
  // once (before the next key press is handled), not after the browser paints.
  useLayoutEffect(() => {
    if (!focusNext) return;
    document.getElementById(focusNext)?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const toggle = (name: string) => {
    const picked = togglePick(progress.picked, name);
    change({ picked }, [ids.cards]);
    setAnnounce(isPicked(picked, name) ? `${name} picked.` : `${name} taken out.`);
  };

  const add = () => {
    const result = addCustom({ custom: progress.custom, picked: progress.picked }, names, custom);
    if (!result.ok) {
      setError(ids.custom, result.error);
      document.getElementById(ids.custom)?.focus();
      return;
    }
    change(result.state, [ids.cards, ids.custom]);
    setCustom('');
    setAnnounce(result.message);
  };

  const move = (index: number, delta: -1 | 1) => {
    const name = progress.picked[index] ?? '';
    const picked = moveValue(progress.picked, index, delta);
    const to = index + delta;
    change({ picked });
    const key = cardIndex(name);
    // Keep the same button unless the value reached the end, where that button no longer works.
    const dir = delta < 0 ? (to > 0 ? 'up' : 'down') : (to < picked.length - 1 ? 'down' : 'up');
    setFocusNext(`onb-move-${dir}-${key}`);
    setAnnounce(`${name} is now ${ordinal(to + 1)}${to < TOP_VALUES ? '' : ', outside your top five'}.`);
  };

  const cardsError = errors[ids.cards];
  return (
    <>
      <p class="section-intro">
        Values are what you want your days to stand for. Pick the cards that matter to you, as many as you like.
        Then put them in order: your first five are your top five.
      </p>
      <div
        id={ids.cards}
        class={cardsError ? 'field field--invalid onb-card-group' : 'field onb-card-group'}
        role="group"
        aria-labelledby="onb-cards-title"
        aria-describedby={describedBy(ids.cards, true, cardsError)}
      >
        <h3 id="onb-cards-title" class="onb-subtitle">Which of these matter to you?</h3>
        <p id={`${ids.cards}-hint`} class="field-hint">Pick at least one. Press a card again to take it out.</p>
        <FieldError id={`${ids.cards}-error`} message={cardsError} />
        <ul class="onb-cards">
          {cards.map((c, i) => {
            const on = isPicked(progress.picked, c.name);
            // The button's name is the value; its description is read after it and clicks through to it.
            return (
              <li key={c.name} class={on ? 'onb-card onb-card--picked' : 'onb-card'}>
                <button
                  type="button"
                  id={`onb-card-${i}`}
                  class="onb-card-button"
                  aria-pressed={on ? 'true' : 'false'}
                  aria-describedby={`onb-card-${i}-desc`}
                  onClick={() => toggle(c.name)}
                >
                  <span class="onb-card-mark" aria-hidden="true" />
                  {c.name}
                </button>
                <span id={`onb-card-${i}-desc`} class="onb-card-desc">{c.description}</span>
              </li>
            );
          })}
        </ul>
      </div>

      <div class={errors[ids.custom] ? 'field field--invalid' : 'field'}>
        <label for={ids.custom}>Add a value of your own</label>
        <p id={`${ids.custom}-hint`} class="field-hint">A word or two, up to 100 bytes. Press Enter or “Add value”.</p>
        <div class="onb-inline">
          <input
            id={ids.custom}
            name={ids.custom}
            type="text"
            autocomplete="off"
            value={custom}
            aria-invalid={errors[ids.custom] ? 'true' : undefined}
            aria-describedby={describedBy(ids.custom, true, errors[ids.custom])}
            onInput={(e) => {
              setCustom(e.currentTarget.value);
              if (errors[ids.custom]) setError(ids.custom, undefined);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" class="button button--quiet" onClick={add}>Add value</button>
        </div>
        <FieldError id={`${ids.custom}-error`} message={errors[ids.custom]} />
      </div>

      <h3 id="onb-rank-title" class="onb-subtitle">Put them in order</h3>
      <p id="onb-rank-hint" class="field-hint">
        The value that matters most goes first. Use “Up” and “Down” to move a value; the first five are your top five.
      </p>
      {progress.picked.length === 0 ? (
        <p class="status-note status-note--empty onb-rank-empty">Nothing picked yet. The values you pick show here.</p>
      ) : (
        <ol class="onb-rank" aria-labelledby="onb-rank-title" aria-describedby="onb-rank-hint">
          {progress.picked.map((name, i) => {
            const key = cardIndex(name);
            return (
              <li key={name.toLowerCase()} class={i < TOP_VALUES ? 'onb-rank-item' : 'onb-rank-item onb-rank-item--extra'}>
                <span class="onb-rank-pos" aria-hidden="true">{i + 1}</span>
                <span class="onb-rank-name">{name}</span>
                {i >= TOP_VALUES && <span class="onb-rank-note">not in your top five</span>}
                <span class="onb-rank-moves">
                  <button
                    type="button"
                    id={`onb-move-up-${key}`}
                    class="button button--quiet onb-move"
                    aria-label={`Move ${name} up`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    <span aria-hidden="true">↑ </span>Up
                  </button>
                  <button
                    type="button"
                    id={`onb-move-down-${key}`}
                    class="button button--quiet onb-move"
                    aria-label={`Move ${name} down`}
                    disabled={i === progress.picked.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    <span aria-hidden="true">↓ </span>Down
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <p class="onb-announce" role="status">{announce}</p>
    </>
  );
}
