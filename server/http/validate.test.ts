import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signedIn } from './access';
import { idParams } from './params';
import { validate } from './validate';

/** A bare app: the route under test, and an error handler that names what validate threw. */
function appWith(route: (app: express.Express) => void) {
  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    req.user = { id: 'u', role: 'agent', email: 'a@b.fr', displayName: 'A', directorateId: null, maisonId: null } as Express.User;
    next();
  });
  route(app);
  const named: ErrorRequestHandler = (error: Error, _req, res, _next) => {
    res.status(400).json({ error: error.name, message: error.message });
  };
  app.use(named);
  return app;
}

describe('validate', () => {
  const id = '6f1c1c8e-9a4b-4a53-9c3a-0d6f1b2a3c4d';
  const app = appWith((app) => {
    app.patch(
      '/items/:id',
      signedIn,
      validate({
        params: idParams('Élément introuvable.'),
        query: z.object({ page: z.coerce.number().int().min(1).default(1) }),
        body: z.object({ title: z.string().trim().min(1) }).strict(),
      }),
      (req, res) => {
        // The handler reads typed input: a field the schema does not know is a type error.
        // @ts-expect-error -- not in the body's schema
        void req.body.unknownField;
        // @ts-expect-error -- not in the query's schema
        void req.query.unknownField;
        res.json({ id: req.params.id, page: req.query.page + 1, title: req.body.title });
      },
    );
  });

  it('hands the handler the parsed params, query and body', async () => {
    const response = await request(app).patch(`/items/${id}?page=2`).send({ title: '  Règlement  ' }).expect(200);
    expect(response.body).toEqual({ id, page: 3, title: 'Règlement' });
  });

  it('applies the defaults of the schema', async () => {
    const response = await request(app).patch(`/items/${id}`).send({ title: 'x' }).expect(200);
    expect(response.body.page).toBe(2);
  });

  it('stops at the first bad part with the parser error, before the handler', async () => {
    expect((await request(app).patch('/items/not-an-id').send({ title: 'x' })).body.error).toBe('NotFoundError');
    expect((await request(app).patch(`/items/${id}?page=0`).send({ title: 'x' })).body.error).toBe('ZodError');
    expect((await request(app).patch(`/items/${id}`).send({ title: 'x', extra: 1 })).body.error).toBe('ZodError');
  });
});
