import { Router } from 'express';
import { publicRoute } from '../http/access';
import { openApiDocument } from './description';

export function openApiRoutes() {
  const router = Router();
  const document = openApiDocument();
  router.get('/api/openapi.json', publicRoute('the API description'), (_req, res) => {
    res.json(document);
  });
  return router;
}
