import request from 'supertest';
import type { Express } from 'express';
import { expect } from 'vitest';
import type { Db } from '../server/db';
import { devIssuer } from '../server/seed';
import { buildUser } from './factories';

export type Agent = ReturnType<typeof request.agent>;

export interface SignedIn {
  agent: Agent;
  csrfToken: string;
  user: Awaited<ReturnType<typeof buildUser>>;
}

/** A user made by the factory, signed in through the real dev sign-in route. */
export async function signInAs(app: Express, db: Db, fields: Parameters<typeof buildUser>[1] = {}): Promise<SignedIn> {
  const user = await buildUser(db, { ...fields, idp_issuer: devIssuer });
  const agent = request.agent(app);
  const response = await agent.post('/auth/dev-login').send({ email: user.email });
  expect(response.status).toBe(200);
  return { agent, csrfToken: response.body.csrfToken as string, user };
}
