import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { IdentityConfig } from './identity.config.js';
import type { TokenResponse } from './identity.dto.js';
import { passwordMatches } from './passwords.js';
import { User } from './user.entity.js';

@Injectable()
export class SignIn {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly config: IdentityConfig,
  ) {}

  /** A wrong password and an unknown email get the same answer, after the same work. */
  async withPassword(email: string, password: string): Promise<TokenResponse> {
    const user = await this.users.createQueryBuilder('user').where('lower(user.email) = lower(:email)', { email }).getOne();
    if (!(await passwordMatches(user?.passwordHash ?? null, password)) || !user) {
      throw new UnauthorizedException('The email or the password is wrong.');
    }
    return this.tokenFor(user);
  }

  async tokenFor(user: User): Promise<TokenResponse> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.JWT_TTL_SECONDS };
  }
}
