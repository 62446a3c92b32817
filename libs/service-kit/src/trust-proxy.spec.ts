import http from 'node:http';
import { baseEnvSchema, loadConfig, portVariable } from './config';
import { createService, type Service } from './service';

/** What a service believes req.ip is, asked from a given loopback address (each stands for a machine). */
function ipSeen(url: string, from: string, forwardedFor?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const headers = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
    const req = http.get(`${url}/ip`, { localAddress: from, headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
  });
}

describe('a service believes X-Forwarded-For only from its TRUST_PROXY, for one hop', () => {
  let service: Service;
  let url: string;

  beforeAll(async () => {
    // 127.0.0.2 plays the gateway; anything else on loopback is a client that reached the service directly.
    const config = loadConfig(baseEnvSchema.extend({ PORT: portVariable(0) }), { HOST: '127.0.0.1', LOG_LEVEL: 'silent', TRUST_PROXY: '127.0.0.2' });
    service = createService({ name: 'trust-test', config, routes: (app) => app.get('/ip', (req, res) => res.type('text').send(req.ip)) });
    ({ url } = await service.start());
  });

  afterAll(() => service.stop('test finished'));

  it('takes the one entry the gateway wrote', async () => {
    expect(await ipSeen(url, '127.0.0.2', '198.51.100.7')).toBe('198.51.100.7');
  });

  it('looks no further than one hop, whatever else the header lists', async () => {
    expect(await ipSeen(url, '127.0.0.2', '198.18.0.1, 198.51.100.7')).toBe('198.51.100.7');
  });

  it("ignores a direct client's forged header", async () => {
    expect(await ipSeen(url, '127.0.0.1', '198.18.0.1')).toBe('127.0.0.1');
  });
});
