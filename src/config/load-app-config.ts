import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { Environment, validateEnvironment } from './environment';

/**
 * Reads the environment (and an optional `.env`, which never overrides real
 * variables) through @nestjs/config, validates it, and returns the typed config.
 * Runs before the app is built because the transport decides which modules exist.
 */
export async function loadAppConfig(envFilePath = '.env'): Promise<AppConfig> {
  let validated: Environment | undefined;
  await ConfigModule.forRoot({
    envFilePath,
    validate: (raw) => {
      validated = validateEnvironment(raw);
      return { ...raw };
    },
  });
  if (!validated) throw new Error('configuration was not validated');
  return AppConfig.fromEnvironment(validated);
}
