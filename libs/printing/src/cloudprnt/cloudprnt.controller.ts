import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import type { Response } from 'express';
import { ErrorBody, Public } from '@kassa/shared';
import { CloudPrntConfirmResponse, CloudPrntPollRequest, CloudPrntPollResponse } from '../dto/cloudprnt.dto';
import { STARPRNT_MEDIA_TYPE } from './cloudprnt-protocol';
import { CloudPrntService, Confirmation } from './cloudprnt.service';

/**
 * Star CloudPRNT: the printer is configured with `…/cloudprnt/<token>` as its server URL; the
 * token is the printer's secret. Query parameters the printer adds (`uid`, `mac`) are ignored.
 */
@ApiTags('cloudprnt')
@ApiUnauthorizedResponse({ type: ErrorBody, description: 'CLOUDPRNT_TOKEN_INVALID' })
@Controller('cloudprnt/:printerToken')
export class CloudPrntController {
  constructor(private readonly cloudprnt: CloudPrntService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'The printer polls with its status; the answer says whether a job is ready' })
  @ApiBody({ type: CloudPrntPollRequest })
  @ApiOkResponse({ type: CloudPrntPollResponse })
  @Transactional()
  async poll(@Param('printerToken') token: string, @Body() body: unknown): Promise<CloudPrntPollResponse> {
    return this.cloudprnt.poll(token, body);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'The job named by `token=` in `type=` (or, with `delete`, its confirmation as for DELETE)' })
  @ApiProduces(STARPRNT_MEDIA_TYPE)
  @ApiOkResponse({ description: 'The job’s bytes' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'CLOUDPRNT_NO_JOB: not the printer’s next job' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorBody, description: 'CLOUDPRNT_MEDIA_TYPE' })
  @Transactional()
  async job(@Param('printerToken') token: string, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response): Promise<StreamableFile | Confirmation> {
    if (query.delete !== undefined) return this.cloudprnt.confirm(token, query);
    const job = await this.cloudprnt.job(token, query);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(job.bytes, { type: job.mediaType, length: job.bytes.length });
  }

  @Delete()
  @Public()
  @ApiOperation({ summary: 'The printer confirms a job: `code=OK` (or 2xx) printed, anything else an error; `token=` names the job' })
  @ApiOkResponse({ type: CloudPrntConfirmResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'CLOUDPRNT_NO_JOB' })
  @Transactional()
  async confirm(@Param('printerToken') token: string, @Query() query: Record<string, unknown>): Promise<CloudPrntConfirmResponse> {
    return this.cloudprnt.confirm(token, query);
  }
}
