import { UnauthorizedException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { passwordMatches } from '../../domain/passwords.js';
import type { TokenResponse } from '../../http/identity.dto.js';
import { User } from '../../persistence/user.entity.js';
import { SignInTokens } from './sign-in-tokens.js';
import { SignInCommand } from './sign-in.command.js';

@CommandHandler(SignInCommand)
export class SignInHandler implements ICommandHandler<SignInCommand> {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: SignInTokens,
  ) {}

  /** A wrong password and an unknown email get the same answer, after the same work. */
  async execute({ email, password }: SignInCommand): Promise<TokenResponse> {
    const user = await this.users.createQueryBuilder('user').where('lower(user.email) = lower(:email)', { email }).getOne();
    if (!(await passwordMatches(user?.passwordHash ?? null, password)) || !user) {
      throw new UnauthorizedException('The email or the password is wrong.');
    }
    return this.tokens.forNewSignIn(user);
  }
}
