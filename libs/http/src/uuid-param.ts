import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';

/** A path parameter that must be a UUID (400 otherwise), documented as one with an example. */
export const UuidParam =
  (name: string): ParameterDecorator =>
  (target, key, index) => {
    Param(name, ParseUUIDPipe)(target, key, index);
    ApiParam({ name, format: 'uuid', example: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b' })(target, key!, Object.getOwnPropertyDescriptor(target, key!)!);
  };
