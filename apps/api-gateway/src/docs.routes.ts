import { buildOpenApiDocument } from '@peerprep/contracts/openapi';
import express from 'express';
import helmet from 'helmet';
import swaggerUi from 'swagger-ui-express';

const OPENAPI_PATH = '/api/docs/openapi.json';

/** GET /api/docs (Swagger UI) and GET /api/docs/openapi.json (the document, generated from the contracts). */
export function mountDocsRoutes(app: express.Express): void {
  // Built once: the contracts do not change while the process runs.
  const document = buildOpenApiDocument();

  app.get(OPENAPI_PATH, (_req, res) => {
    res.json(document);
  });

  const docs = express.Router();
  // The kit's default CSP asks browsers to upgrade every subresource to https,
  // which breaks the UI's own assets on a plain-http local gateway.
  docs.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  docs.use(swaggerUi.serveFiles(undefined, { swaggerOptions: { url: OPENAPI_PATH, validatorUrl: null } }));
  docs.get('/', swaggerUi.setup(undefined, { customSiteTitle: 'PeerPrep API', swaggerOptions: { url: OPENAPI_PATH, validatorUrl: null } }));
  app.use('/api/docs', docs);
}
