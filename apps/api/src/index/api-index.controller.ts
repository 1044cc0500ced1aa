import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '#libs/identity';
import { ApiConfig } from '../api.config.js';

class ApiLinks {
  @ApiProperty({ example: '/api/docs', nullable: true, type: String, description: 'The OpenAPI documentation to read; null where it is not served (API_DOCS_UI).' })
  docs!: string | null;

  @ApiProperty({ example: '/api/docs-json', description: 'The OpenAPI document itself.' })
  openapi!: string;

  @ApiProperty({ example: '/api/health' })
  health!: string;

  @ApiProperty({ example: '/api/auth/login', description: 'POST an email and password for a bearer token.' })
  signIn!: string;
}

export class ApiIndex {
  @ApiProperty({ example: 'Teaching Partnership Marketplace API' })
  name!: string;

  @ApiProperty({ type: ApiLinks })
  links!: ApiLinks;
}

/** Where someone who opens the API's address finds their way. */
@ApiTags('operations')
@Controller()
export class ApiIndexController {
  constructor(private readonly config: ApiConfig) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'What is here: links to the documentation, health and signing in' })
  @ApiOkResponse({ type: ApiIndex })
  index(): ApiIndex {
    const docs = this.config.API_DOCS_UI ? '/api/docs' : null;
    return { name: 'Teaching Partnership Marketplace API', links: { docs, openapi: '/api/docs-json', health: '/api/health', signIn: '/api/auth/login' } };
  }
}
