import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { passwordMatches } from './domain/passwords.js';
import type { Role } from './domain/role.js';
import type { TokenResponse } from './http/identity.dto.js';
import { IdentityConfig } from './identity.config.js';
import { RefreshTokens } from './persistence/refresh-tokens.js';
import { User } from './persistence/user.entity.js';

@Injectable()
export class SignIn {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokens,
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

  /** A new sign-in: an access token and the first refresh token of a new family. */
  async tokenFor(user: User): Promise<TokenResponse> {
    const [accessToken, refresh] = await Promise.all([this.accessTokenFor(user), this.refreshTokens.issue(user.id)]);
    return { ...accessToken, ...refresh };
  }

  /** Carries a sign-in on: uses `refreshToken` up and answers fresh tokens. */
  async refresh(refreshToken: string): Promise<TokenResponse> {
    const { userId, role, ...refresh } = await this.refreshTokens.rotate(refreshToken);
    return { ...(await this.accessTokenFor({ id: userId, role })), ...refresh };
  }

  /** Ends the sign-in `refreshToken` belongs to. */
  signOut(refreshToken: string): Promise<void> {
    return this.refreshTokens.revokeFamilyOf(refreshToken);
  }

  private async accessTokenFor(user: { id: string; role: Role }): Promise<Pick<TokenResponse, 'accessToken' | 'tokenType' | 'expiresIn'>> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.JWT_TTL_SECONDS };
  }
}
