import { ConfigError, DEV_INTERNAL_API_TOKEN, loadConfig } from '@peerprep/service-kit';
import { collaborationServiceEnvSchema, DEV_TURN_SECRET } from './config';

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

  describe('the call\'s TURN server', () => {
    const production = { NODE_ENV: 'production', INTERNAL_API_TOKEN: 'a-production-internal-token' };

    it('has none by default, with a development secret and credentials for an hour', () => {
      expect(loadConfig(collaborationServiceEnvSchema, {})).toMatchObject({ TURN_URLS: [], TURN_SECRET: DEV_TURN_SECRET, TURN_CREDENTIAL_TTL_SECONDS: 3600 });
    });

    it('reads a comma list of turn: URLs and refuses anything else, naming TURN_URLS', () => {
      const config = loadConfig(collaborationServiceEnvSchema, { TURN_URLS: 'turn:turn.example.com:3478?transport=udp, turns:turn.example.com:5349' });
      expect(config.TURN_URLS).toEqual(['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349']);
      expect(() => loadConfig(collaborationServiceEnvSchema, { TURN_URLS: 'http://turn.example.com' })).toThrow(/TURN_URLS/);
    });

    it('refuses in production the development secret with a TURN server, and a "change-me" placeholder, naming TURN_SECRET', () => {
      const issuesOf = (env: Record<string, string>) => {
        try {
          loadConfig(collaborationServiceEnvSchema, env);
          return [];
        } catch (error) {
          return (error as ConfigError).issues.map((issue) => issue.variable);
        }
      };
      expect(issuesOf({ ...production, TURN_URLS: 'turn:turn.example.com:3478' })).toEqual(['TURN_SECRET']);
      expect(issuesOf({ ...production, TURN_URLS: 'turn:turn.example.com:3478', TURN_SECRET: 'change-me-turn-secret' })).toEqual(['TURN_SECRET']);
      expect(issuesOf({ ...production, TURN_URLS: 'turn:turn.example.com:3478', TURN_SECRET: 'a-real-secret-from-the-vault' })).toEqual([]);
      // Without a TURN server the secret is never used.
      expect(issuesOf(production)).toEqual([]);
    });
  });

  describe('the interview rounds\' test length', () => {
    it('is unset by default (rounds last half the room\'s minutes), and an empty value is unset too', () => {
      expect(loadConfig(collaborationServiceEnvSchema, {}).INTERVIEW_ROUND_SECONDS_OVERRIDE).toBeUndefined();
      expect(loadConfig(collaborationServiceEnvSchema, { INTERVIEW_ROUND_SECONDS_OVERRIDE: '' }).INTERVIEW_ROUND_SECONDS_OVERRIDE).toBeUndefined();
    });

    it('takes whole seconds from 1 to an hour, naming the variable otherwise', () => {
      expect(loadConfig(collaborationServiceEnvSchema, { INTERVIEW_ROUND_SECONDS_OVERRIDE: '4' }).INTERVIEW_ROUND_SECONDS_OVERRIDE).toBe(4);
      for (const bad of ['0', '1.5', 'soon', '3601']) {
        expect(() => loadConfig(collaborationServiceEnvSchema, { INTERVIEW_ROUND_SECONDS_OVERRIDE: bad })).toThrow(/INTERVIEW_ROUND_SECONDS_OVERRIDE/);
      }
    });

    it('is refused in production', () => {
      const production = { NODE_ENV: 'production', INTERNAL_API_TOKEN: 'a-production-internal-token' };
      expect(() => loadConfig(collaborationServiceEnvSchema, { ...production, INTERVIEW_ROUND_SECONDS_OVERRIDE: '5' })).toThrow(
        /INTERVIEW_ROUND_SECONDS_OVERRIDE/,
      );
      expect(loadConfig(collaborationServiceEnvSchema, production).INTERVIEW_ROUND_SECONDS_OVERRIDE).toBeUndefined();
    });
  });
});
