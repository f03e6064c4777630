import 'reflect-metadata';
import { Exclude, plainToInstance, Transform, Type } from 'class-transformer';
import { ApiClient } from '../auth/api-client';
import { authProblems } from '../auth/keys/auth-problems';
import { loadApiClients } from '../auth/keys/load-api-clients';
import { TOOLSETS, toolNames } from '../tools/tool-catalog';
import { parseRateLimit } from '../rate-limit/rate-limit';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
  ValidationError,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : trim({ value });
/** Comma-separated, trimmed, lower-cased; an empty list reads as unset. */
const toList = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const items = value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item.length > 0);
  return items.length > 0 ? items : undefined;
};
/** Space keys: comma-separated, trimmed; global keys upper-cased as Confluence stores them, personal (`~user`) keys kept. */
const toSpaceKeys = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const keys = value
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key.length > 0)
    .map((key) => (key.startsWith('~') ? key : key.toUpperCase()));
  return keys.length > 0 ? [...new Set(keys)] : undefined;
};
/** A number, or undefined when empty (so an empty line in .env means "use the default", not 0). */
const toOptionalNumber = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  return value.trim() === '' ? undefined : Number(value.trim());
};
const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no', ''].includes(v)) return false;
  return value;
};

/**
 * Every environment variable the server reads, with its rules and defaults.
 * Validated once at start-up so a bad deployment fails fast with a clear message.
 */
export class Environment {
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, {
    message: 'must be the Confluence base URL, e.g. https://your-site.atlassian.net or https://wiki.example.com/confluence',
  })
  CONFLUENCE_URL!: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['cloud', 'datacenter'], { message: 'must be "cloud" or "datacenter" (leave unset to detect from CONFLUENCE_URL)' })
  CONFLUENCE_DEPLOYMENT?: 'cloud' | 'datacenter';

  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.CONFLUENCE_API_TOKEN !== undefined || env.CONFLUENCE_USERNAME !== undefined)
  @IsString()
  @MinLength(1, { message: 'must be set together with CONFLUENCE_API_TOKEN (Cloud basic auth)' })
  CONFLUENCE_USERNAME?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.CONFLUENCE_USERNAME !== undefined || env.CONFLUENCE_API_TOKEN !== undefined)
  @IsString({ message: 'must be set together with CONFLUENCE_USERNAME (Cloud basic auth)' })
  @MinLength(1, { message: 'must be set together with CONFLUENCE_USERNAME (Cloud basic auth)' })
  CONFLUENCE_API_TOKEN?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  CONFLUENCE_PERSONAL_TOKEN?: string;

  @Transform(toList)
  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+$/, { each: true, message: 'must be a comma-separated list of origins such as https://wiki.example.com' })
  CONFLUENCE_SITE_ALIASES?: string[];

  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100)
  @Max(300_000)
  CONFLUENCE_TIMEOUT_MS = 15_000;

  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(10)
  CONFLUENCE_MAX_RETRIES = 3;

  @Transform(emptyToUndefined)
  @IsIn(['http', 'stdio'], { message: 'must be "http" or "stdio"' })
  MCP_TRANSPORT: 'http' | 'stdio' = 'http';

  @Transform(emptyToUndefined)
  @IsString()
  MCP_HOST = '127.0.0.1';

  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt({ message: 'must be a port number' })
  @Min(0)
  @Max(65535)
  MCP_PORT = 3000;

  @Transform(toList)
  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+$/, { each: true, message: 'must be a comma-separated list of origins such as https://app.example.com' })
  MCP_ALLOWED_ORIGINS?: string[];

  @Transform(toList)
  @IsOptional()
  @Matches(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)$/, { each: true, message: 'must be a comma-separated list of host names (no ports)' })
  MCP_ALLOWED_HOSTS?: string[];

  @Transform(emptyToUndefined)
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL = 'info';

  @Transform(emptyToUndefined)
  @IsIn(['json', 'pretty'], { message: 'must be "json" or "pretty"' })
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  AUDIT_LOG_FILE?: string;

  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of records' })
  @Min(1)
  @Max(100_000)
  AUDIT_RING_SIZE = 1000;

  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  CONFLUENCE_READ_ONLY = false;

  @Transform(toSpaceKeys)
  @IsOptional()
  @Matches(/^(~[\w.@+-]+|[A-Z0-9_]{1,255})$/, { each: true, message: 'must be a comma-separated list of space keys such as ENG,DOCS' })
  CONFLUENCE_SPACES?: string[];

  @Transform(toList)
  @IsOptional()
  @IsIn(toolNames(), { each: true, message: `must be a comma-separated list of tool names from: ${toolNames().join(', ')}` })
  MCP_ENABLED_TOOLS?: string[];

  @Transform(toList)
  @IsOptional()
  @IsIn(TOOLSETS, { each: true, message: `must be a comma-separated list of toolsets from: ${TOOLSETS.join(', ')}` })
  MCP_TOOLSETS?: string[];

  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1)
  @Max(512 * 1024 * 1024)
  ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

  @Transform(toOptionalNumber)
  @IsOptional()
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  MCP_MAX_BODY_BYTES?: number;

  @Transform(toList)
  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+$/, { each: true, message: 'must be a comma-separated list of origins such as https://app.example.com' })
  MCP_CORS_ORIGINS?: string[];

  @Transform(toList)
  @IsOptional()
  @Matches(/^(\d{1,2}|loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)$/, {
    each: true,
    message: 'must be a number of proxy hops (e.g. 1) or a comma-separated list of proxy addresses/CIDRs (e.g. 10.0.0.0/8, loopback)',
  })
  MCP_TRUST_PROXY?: string[];

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TLS_KEY_FILE?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TLS_CERT_FILE?: string;

  @Transform(({ value }) => emptyToUndefined({ value }) ?? '600/minute')
  @IsString()
  RATE_LIMIT = '600/minute';

  @Transform(toOptionalNumber)
  @IsOptional()
  @IsInt({ message: 'must be a whole number of requests' })
  @Min(1)
  RATE_LIMIT_BURST?: number;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MCP_API_KEYS_FILE?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MCP_API_KEYS?: string;

  @Transform(emptyToUndefined)
  @IsIn(['api-key', 'none'], { message: 'must be "api-key" or "none" (none: no authentication on /mcp, only behind your own)' })
  MCP_AUTH: 'api-key' | 'none' = 'api-key';

  @Transform(emptyToUndefined)
  @IsIn(['off', 'header'], { message: 'must be "off" or "header" (callers may send X-Confluence-Authorization)' })
  CONFLUENCE_USER_CREDENTIALS: 'off' | 'header' = 'off';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters (a random token, e.g. openssl rand -hex 32)' })
  METRICS_TOKEN?: string;

  /** Not a variable: the API clients read from MCP_API_KEYS_FILE / MCP_API_KEYS, filled in by `validateEnvironment`. */
  @Exclude()
  apiClients: ApiClient[] = [];
}

/** Thrown when the environment is unusable; `problems` holds one line per variable. */
export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Turns raw environment strings into a typed, checked `Environment`, or throws listing every problem. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const problems = validateSync(env, { skipMissingProperties: false }).flatMap(describe);
  problems.push(...crossFieldProblems(env));
  const keys = loadApiClients({ file: env.MCP_API_KEYS_FILE, inline: env.MCP_API_KEYS }, raw);
  env.apiClients = keys.clients;
  problems.push(...keys.problems, ...authProblems(env));
  problems.push(...edgeProblems(env));
  if (problems.length > 0) throw new InvalidEnvironmentError(problems);
  return env;
}

function describe(error: ValidationError): string[] {
  const messages = Object.values(error.constraints ?? {});
  const shown = messages.length > 0 ? messages[messages.length - 1] : 'is invalid';
  return [`${error.property}: ${shown}`];
}

function crossFieldProblems(env: Environment): string[] {
  const hasBasic = env.CONFLUENCE_USERNAME !== undefined && env.CONFLUENCE_API_TOKEN !== undefined;
  if (!hasBasic && env.CONFLUENCE_PERSONAL_TOKEN === undefined) {
    return [
      'CONFLUENCE_API_TOKEN: no Confluence credentials; set CONFLUENCE_USERNAME + CONFLUENCE_API_TOKEN (Cloud) or CONFLUENCE_PERSONAL_TOKEN (Data Center)',
    ];
  }
  return [];
}

/** Settings of the HTTP edge that only make sense together, or need more than a pattern to check. */
function edgeProblems(env: Environment): string[] {
  const problems: string[] = [];
  if ((env.TLS_KEY_FILE === undefined) !== (env.TLS_CERT_FILE === undefined)) {
    problems.push(`${env.TLS_KEY_FILE === undefined ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE'}: must be set together with the other TLS file`);
  }
  if (typeof env.RATE_LIMIT === 'string' && env.RATE_LIMIT.toLowerCase() !== 'off') {
    try {
      parseRateLimit(env.RATE_LIMIT);
    } catch (error) {
      problems.push(`RATE_LIMIT: ${(error as Error).message}, or off`);
    }
  }
  return problems;
}
