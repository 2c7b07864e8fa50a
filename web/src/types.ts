// The API's objects, as share/api/openapi.json describes them (only what the UI uses).

export interface Account {
  id: number;
  person_id: number;
  email: string;
  admin: boolean;
  created_at: string;
}

export interface Login {
  csrf_token: string;
  account: Account;
}

export interface SessionInfo {
  csrf_token: string | null;
  account: Account;
  via_token: boolean;
  scope: string;
}

export interface Me {
  id: number;
  name: string;
  email: string;
  timezone: string;
  work_hours: string;
  created_at: string;
  admin: boolean;
}

export interface ProfileUpdate {
  name?: string | null;
  timezone?: string | null;
  work_hours?: string | null;
}

export type TokenScope = 'read' | 'read-write';

export interface ApiToken {
  id: number;
  name: string;
  scope: TokenScope;
  created_at: string;
  last_used_at: string | null;
  revoked: boolean;
}

export interface CreatedApiToken extends ApiToken {
  token: string;
}

export type Stage = 'precontemplation' | 'contemplation' | 'preparation' | 'action' | 'maintenance';

export interface GoalView {
  id: number;
  title: string;
  wish: string;
  outcome: string;
  obstacle: string;
  if: string;
  then: string;
  frequency: string;
  values: string[];
  stage: Stage | null;
  guidance: string | null;
  habit_strength: number;
  streak: { current: number; longest: number; unit: 'days' | 'weeks' };
  completions: number;
  archived: boolean;
  start_date: string;
}

export interface GoalCreate {
  title: string;
  values: string[];
  wish?: string | null;
  outcome?: string | null;
  obstacle?: string | null;
  if?: string | null;
  then?: string | null;
  frequency?: string | null;
}

export interface CheckIn {
  date: string;
  off: boolean;
  start: string | null;
  end: string | null;
  worked_minutes: number;
  after_hours: number | null;
  break: number | null;
  stress: number;
  energy: number;
  progress: boolean;
  setback: boolean;
  note: string;
  updated_at: string;
}

export interface CheckInPut {
  start?: string | null;
  end?: string | null;
  off?: boolean | null;
  stress: number;
  energy: number;
  after_hours?: number | null;
  break?: number | null;
  progress?: boolean | null;
  setback?: boolean | null;
  note?: string | null;
}

export type BoundaryStatus = 'kept' | 'broken' | 'unknown';

export interface Evaluation {
  date: string;
  boundary_id: number;
  type: string;
  status: BoundaryStatus;
  evidence: string;
}

export interface CheckInResult extends CheckIn {
  updated: boolean;
  recycled_goals: number[];
  boundaries: Evaluation[];
}

export interface Boundary {
  id: number;
  type: string;
  label: string;
  description: string;
  active: boolean;
}

export type WinSize = 'small' | 'medium' | 'big';

export interface Win {
  id: number;
  text: string;
  goal_id: number | null;
  value_id: number | null;
  size: WinSize;
  date: string;
  created_at: string;
}

export interface WinCreate {
  text: string;
  size?: WinSize | null;
  date?: string | null;
}

// One local day of signals from imported calendars and activity (GET /signals).
export interface DailySignals {
  date: string;
  work_minutes: number;
  after_hours_minutes: number;
  weekend_minutes: number;
  meeting_minutes: number;
  after_hours_meeting_minutes: number;
  longest_focus_minutes: number;
  first_activity: string | null;
  last_activity: string | null;
  // The API's (not the CLI's): whether an imported calendar / activity source covers the day.
  has_calendar?: boolean;
  has_activity?: boolean;
}

// Kudos on a win: an emoji and a short message from another member or a partner.
export interface Kudos {
  id: number;
  win_id: number;
  from: string;
  emoji: string;
  message: string;
  created_at: string;
}

// The written steps of a conversation plan, as the API names them.
export interface PlanSteps {
  title: string;
  situation: string;
  need: string;
  proposal: string;
  trial_period: string;
  offer: string;
  fallback: string;
}

// A coach's comment on a conversation plan.
export interface PlanComment {
  id: number;
  plan_id: number;
  author: string;
  text: string;
  created_at: string;
}
