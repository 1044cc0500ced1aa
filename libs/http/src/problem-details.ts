import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class InvalidField {
  @ApiProperty({ example: 'name' })
  field!: string;

  @ApiProperty({ example: ['name must be shorter than or equal to 200 characters'] })
  messages!: string[];
}

/** RFC 9457 problem details: the one shape of every error this API returns. */
export class ProblemDetails {
  @ApiProperty({ example: 'about:blank', description: 'A URI reference naming the kind of problem.' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional({ example: 'The request is invalid: see errors.' })
  detail?: string;

  @ApiPropertyOptional({ example: '/api/universities' })
  instance?: string;

  @ApiPropertyOptional({ type: [InvalidField], description: 'Present when fields of the request are invalid.' })
  errors?: InvalidField[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Seconds a client is told to wait before trying again when a dependency is away. */
export const RETRY_AFTER_SECONDS = 5;
