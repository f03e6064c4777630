import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConfluenceModule } from '../confluence/confluence.module';
import { ConfluenceHealthIndicator } from './confluence.health';
import { HealthController } from './health.controller';

/** Liveness and readiness endpoints. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false }), ConfluenceModule],
  controllers: [HealthController],
  providers: [ConfluenceHealthIndicator],
})
export class HealthModule {}
