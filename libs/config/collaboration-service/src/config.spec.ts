import { ConfigError, DEV_INTERNAL_API_TOKEN, loadConfig } from '@peerprep/service-kit';
import { collaborationServiceEnvSchema } from './config';

describe('collaboration-service configuration', () => {
  it('boots locally with defaults for every variable', () => {
    expect(loadConfig(collaborationServiceEnvSchema, {})).toMatchObject({
      PORT: 3005,
      INTERNAL_API_TOKEN: DEV_INTERNAL_API_TOKEN,
      EVENTS_QUEUE: 'collaboration-service',
      COLLAB_FLUSH_INTERVAL_MS: 200,
      COLLAB_ROOM_LINGER_MS: 0,
    });
  });

  it('refuses the development internal token in production, naming the variable', () => {
    try {
      loadConfig(collaborationServiceEnvSchema, { NODE_ENV: 'production' });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((issue) => issue.variable)).toEqual(['INTERNAL_API_TOKEN']);
    }
  });

  it('names each bad tuning variable', () => {
    try {
      loadConfig(collaborationServiceEnvSchema, { COLLAB_FLUSH_INTERVAL_MS: '0', COLLAB_COMPACT_AFTER_UPDATES: 'many' });
      throw new Error('accepted');
    } catch (error) {
      expect((error as ConfigError).issues.map((issue) => issue.variable).sort()).toEqual([
        'COLLAB_COMPACT_AFTER_UPDATES',
        'COLLAB_FLUSH_INTERVAL_MS',
      ]);
    }
  });

  it('refuses an idle sweep too slow for the idle window', () => {
    try {
      loadConfig(collaborationServiceEnvSchema, { COLLAB_IDLE_CLOSE_MS: '60000', COLLAB_IDLE_SWEEP_MS: '30000' });
      throw new Error('accepted');
    } catch (error) {
      expect((error as ConfigError).issues.map((issue) => issue.variable)).toEqual(['COLLAB_IDLE_SWEEP_MS']);
    }
  });
});
