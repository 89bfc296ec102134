/**
 * The clerks' workbench in a browser, served at /workbench: its built files (`npm run build:workbench`, which
 * `npm start` runs when they are missing or older than their sources), and how a person signs in. The workbench
 * itself only calls /v1 with the bearer token it got here, as any other client does.
 *
 * Sign-in is the city's OpenID Connect provider's where one is configured (the page runs the authorization code flow
 * with PKCE itself and calls /v1 with the provider's access token, which the API verifies against the provider's
 * keys), and in development also one of the demo people, without a password. Demo people are never offered when
 * NODE_ENV=production (`demoPeople` false).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { z } from 'zod';
import { signToken, type JwtSettings } from '../auth';
import { NotFoundError } from '../errors';
import { parse } from '../validation';
import { DEMO_PEOPLE } from './demo-people';
import type { IdentityProviderSettings } from '../provider-tokens';

export interface WorkbenchSettings {
  /** The built workbench (vite's output); the route answers 404 with how to build it while it is missing. */
  assetsDir: string;
  /** Development only: anyone at the page may sign in as a demo person. */
  demoPeople: boolean;
  /** The city's OpenID Connect provider the page signs in with, when one is configured. */
  provider?: IdentityProviderSettings;
}

export const WORKBENCH_PATH = '/workbench';

const demoSignInSchema = z.object({ person: z.enum(DEMO_PEOPLE.map((p) => p.id)) }).strict();

function signInRoutes(settings: WorkbenchSettings, jwt: JwtSettings): Router {
  const people = settings.demoPeople
    ? DEMO_PEOPLE.map(({ id, claims }) => ({
        id,
        name: claims.name,
        department: claims.dept,
        district: claims.district,
        roles: claims.roles,
      }))
    : [];
  const router = Router();
  router.get(`${WORKBENCH_PATH}/sign-in/options`, (_req, res) => {
    res.json({ demoPeople: people, ...(settings.provider ? { provider: settings.provider } : {}) });
  });
  router.post(`${WORKBENCH_PATH}/sign-in/demo`, express.json({ limit: '1kb' }), async (req, res) => {
    if (!settings.demoPeople) throw new NotFoundError('demo sign-in is not offered here');
    const { person } = parse(demoSignInSchema, req.body);
    const chosen = DEMO_PEOPLE.find((p) => p.id === person)!;
    res.json({ token: await signToken(chosen.claims, jwt), name: chosen.claims.name });
  });
  return router;
}

function builtFiles(assetsDir: string): Router {
  const router = Router();
  const index = path.join(assetsDir, 'index.html');
  // Hashed file names: a built asset never changes under its name, so browsers may keep it.
  router.use(
    `${WORKBENCH_PATH}/assets`,
    express.static(path.join(assetsDir, 'assets'), { immutable: true, maxAge: '1y' }),
  );
  router.get([WORKBENCH_PATH, `${WORKBENCH_PATH}/`], (_req, res) => {
    if (!existsSync(index)) {
      throw new NotFoundError(
        'the workbench is not built: run `npm run build:workbench` (npm start does it)',
      );
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}

export function workbenchRouter(settings: WorkbenchSettings, jwt: JwtSettings): Router {
  return Router().use(signInRoutes(settings, jwt)).use(builtFiles(settings.assetsDir));
}
