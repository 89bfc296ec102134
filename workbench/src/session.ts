/** Who is signed in: the bearer token the API gave, and the claims it carries (read for display; the API checks them). */

export interface Person {
  name: string;
  department: string;
  district: string;
  roles: string[];
  /** Grants beyond the role (`unmask-personal-data`). */
  permissions: string[];
}

export interface Session {
  token: string;
  person: Person;
}

const KEY = 'onething-workbench-session';

interface TokenClaims {
  name: string;
  dept: string;
  district: string;
  roles: string[];
  perms?: string[];
}

function claimsOf(token: string): TokenClaims {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as TokenClaims;
}

export function sessionOf(token: string): Session {
  const claims = claimsOf(token);
  return {
    token,
    person: {
      name: claims.name,
      department: claims.dept,
      district: claims.district,
      roles: claims.roles,
      permissions: claims.perms ?? [],
    },
  };
}

/** Kept for the browser tab only: closing it signs the person out. */
export function savedSession(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  return token ? sessionOf(token) : undefined;
}

export function saveSession(token: string): Session {
  sessionStorage.setItem(KEY, token);
  return sessionOf(token);
}

export function forgetSession(): void {
  sessionStorage.removeItem(KEY);
}
