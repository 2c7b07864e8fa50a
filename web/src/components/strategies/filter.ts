// Filtering the library by barrier and stage, and turning a strategy into a goal form's start.
import type { GoalForm } from '../../goal-form';
import type { Stage } from '../../types';
import type { Barrier } from '../goal/labels';
import type { Strategy } from './data';

export interface StrategyFilter {
  barrier: Barrier | 'all';
  stage: Stage | 'all';
}

export const NO_FILTER: StrategyFilter = { barrier: 'all', stage: 'all' };

// Keeps the library's own order; a strategy matches when it is tagged with the chosen barrier and stage.
export function filterStrategies<S extends Strategy>(list: readonly S[], f: StrategyFilter): S[] {
  return list.filter((s) =>
    (f.barrier === 'all' || s.barriers.includes(f.barrier)) && (f.stage === 'all' || s.stages.includes(f.stage)));
}

// "Try this as a goal": the strategy's title and if-then plan, exactly; the person adds the rest.
export function strategyPrefill(s: Strategy): Partial<GoalForm> {
  return { title: s.title, if: s.if, then: s.then };
}
