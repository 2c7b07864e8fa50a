// A typed client for /api/v1: same-origin cookies, the CSRF token on writes, errors as ApiError.
import type {
  ApiToken, Boundary, CheckIn, CheckInPut, CheckInResult, CreatedApiToken, Evaluation, GoalCreate, GoalView, Login, Me,
  ProfileUpdate, SessionInfo, TokenScope, Win, WinCreate,
} from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;

  constructor(status: number, code: string, message: string, field: string | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  // Sign-in answers 401 for a wrong password; that is not a session that ended.
  quiet401?: boolean;
}

const WRITES: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Turns any error answer into an ApiError, even when the body is not the API's error shape.
export function errorFromResponse(status: number, body: unknown): ApiError {
  const e = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    return new ApiError(status, e.code, e.message, typeof e.field === 'string' ? e.field : null);
  }
  return new ApiError(status, 'http_' + status, `The server answered ${status}. Please try again.`, null);
}

export class ApiClient {
  private csrf: string | null = null;
  private readonly signedOut = new Set<() => void>();
  private readonly fetchImpl: FetchLike;
  private readonly base: string;

  constructor(options: { fetch?: FetchLike; base?: string } = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.base = options.base ?? '/api/v1';
  }

  get csrfToken(): string | null {
    return this.csrf;
  }

  // Calls `listener` whenever the server says the session is gone; returns an unsubscribe.
  onSignedOut(listener: () => void): () => void {
    this.signedOut.add(listener);
    return () => this.signedOut.delete(listener);
  }

  async request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    if (WRITES.has(method) && this.csrf) headers['X-CSRF-Token'] = this.csrf;

    let res: Response;
    try {
      res = await this.fetchImpl(this.base + path, init);
    } catch {
      throw new ApiError(0, 'network', 'Headway could not reach the server. Check your connection and try again.', null);
    }
    const text = res.status === 204 ? '' : await res.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (!res.ok) {
      const error = errorFromResponse(res.status, body);
      if (res.status === 401) {
        this.csrf = null;
        if (!options.quiet401) for (const listener of [...this.signedOut]) listener();
      }
      throw error;
    }
    return body as T;
  }

  async login(email: string, password: string): Promise<Login> {
    const answer = await this.request<Login>('POST', '/auth/login', { body: { email, password }, quiet401: true });
    this.csrf = answer.csrf_token;
    return answer;
  }

  // The current session, or an ApiError with status 401 when there is none.
  async session(): Promise<SessionInfo> {
    const answer = await this.request<SessionInfo>('GET', '/auth/session', { quiet401: true });
    this.csrf = answer.csrf_token;
    return answer;
  }

  async logout(): Promise<void> {
    try {
      await this.request<void>('POST', '/auth/logout', { quiet401: true });
    } finally {
      this.csrf = null;
    }
  }

  me(): Promise<Me> {
    return this.request<Me>('GET', '/me');
  }

  // The check-in of a day, or null when there is none (404).
  async checkIn(date: string): Promise<CheckIn | null> {
    try {
      return await this.request<CheckIn>('GET', `/checkins/${encodeURIComponent(date)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  putCheckIn(date: string, body: CheckInPut): Promise<CheckInResult> {
    return this.request<CheckInResult>('PUT', `/checkins/${encodeURIComponent(date)}`, { body });
  }

  wins(from: string, to: string): Promise<Win[]> {
    const q = new URLSearchParams({ from, to });
    return this.request<Win[]>('GET', `/wins?${q}`);
  }

  logWin(body: WinCreate): Promise<Win> {
    return this.request<Win>('POST', '/wins', { body });
  }

  boundaries(): Promise<Boundary[]> {
    return this.request<Boundary[]>('GET', '/boundaries');
  }

  checkBoundaries(date: string): Promise<Evaluation[]> {
    return this.request<Evaluation[]>('GET', `/boundaries/check?${new URLSearchParams({ date })}`);
  }

  updateMe(body: ProfileUpdate): Promise<Me> {
    return this.request<Me>('PATCH', '/me', { body });
  }

  // A wrong current password answers 403 with field `current_password`; the session goes on.
  changePassword(current_password: string, new_password: string): Promise<void> {
    return this.request<void>('POST', '/auth/password', { body: { current_password, new_password } });
  }

  async deleteAccount(password: string): Promise<void> {
    await this.request<void>('DELETE', '/me', { body: { password } });
    this.csrf = null;
  }

  tokens(): Promise<ApiToken[]> {
    return this.request<ApiToken[]>('GET', '/tokens');
  }

  createToken(name: string, scope: TokenScope): Promise<CreatedApiToken> {
    return this.request<CreatedApiToken>('POST', '/tokens', { body: { name, scope } });
  }

  revokeToken(id: number): Promise<void> {
    return this.request<void>('DELETE', `/tokens/${id}`);
  }

  // Everything the person has, in the format `headway import-data` reads.
  exportData(): Promise<unknown> {
    return this.request<unknown>('GET', '/export');
  }

  goals(): Promise<GoalView[]> {
    return this.request<GoalView[]>('GET', '/goals');
  }

  createGoal(body: GoalCreate): Promise<GoalView> {
    return this.request<GoalView>('POST', '/goals', { body });
  }
}
