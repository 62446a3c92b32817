import { DEFAULT_SERVER_URL, buildOpenApiDocument } from '@peerprep/contracts/openapi';
import express from 'express';
import helmet from 'helmet';
import { getAbsoluteFSPath } from 'swagger-ui-dist';

const DOCS_PATH = '/api/docs';
const OPENAPI_PATH = `${DOCS_PATH}/openapi.json`;

// Asset URLs are absolute, so the page works at /api/docs and /api/docs/ alike:
// the Next.js rewrite in front normalises away the trailing slash, and a
// redirect back to it would loop.
const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>PeerPrep API</title>
    <link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
    <script src="${DOCS_PATH}/docs-init.js"></script>
  </body>
</html>
`;

// A script file, not inline: the CSP allows only same-origin scripts.
const init = `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(OPENAPI_PATH)}, dom_id: '#swagger-ui', validatorUrl: null, deepLinking: true });\n`;

/**
 * The API's absolute base URL as this request reached the gateway. Express's
 * req.protocol and req.host read X-Forwarded-Proto / X-Forwarded-Host only
 * from a peer its `trust proxy` setting trusts (the service kit's: loopback
 * and private networks, i.e. the Next.js rewrite or the ingress); from anyone
 * else they are the socket's protocol and the Host header.
 */
export function publicApiUrl(req: express.Request): string {
  const host = req.host;
  return host ? `${req.protocol}://${host}/api` : DEFAULT_SERVER_URL;
}

/** GET /api/docs (Swagger UI) and GET /api/docs/openapi.json (the document, generated from the contracts). */
export function mountDocsRoutes(app: express.Express): void {
  // Built once: the contracts do not change while the process runs.
  const document = buildOpenApiDocument();

  app.get(OPENAPI_PATH, (req, res) => {
    // An absolute server URL (a relative one cannot be routed by a proxy or
    // a client generated elsewhere): the origin this request came through.
    res.vary('Host').vary('X-Forwarded-Host').vary('X-Forwarded-Proto');
    res.json({ ...document, servers: [{ url: publicApiUrl(req) }] });
  });

  const docs = express.Router({ strict: false });
  // The kit's default CSP asks browsers to upgrade every subresource to https,
  // which breaks the UI's own assets on a plain-http local gateway.
  docs.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  docs.get('/', (_req, res) => {
    res.type('html').send(page);
  });
  docs.get('/docs-init.js', (_req, res) => {
    res.type('application/javascript').send(init);
  });
  docs.use(express.static(getAbsoluteFSPath(), { index: false, redirect: false, maxAge: '1h' }));
  app.use(DOCS_PATH, docs);
}
