import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '../../domain/role.js';
import type { TokenResponse } from '../../http/identity.dto.js';
import { IdentityConfig } from '../../identity.config.js';
import { RefreshTokens } from '../../persistence/refresh-tokens.js';

type AccessToken = Pick<TokenResponse, 'accessToken' | 'tokenType' | 'expiresIn'>;

/** The tokens of a sign-in, whether it starts from a password or an accepted invitation, or goes on with a refresh. */
@Injectable()
export class SignInTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokens,
    private readonly config: IdentityConfig,
  ) {}

  /** A new sign-in: an access token and the first refresh token of a new family. */
  async forNewSignIn(user: { id: string; role: Role }): Promise<TokenResponse> {
    const [accessToken, refresh] = await Promise.all([this.accessToken(user), this.refreshTokens.issue(user.id)]);
    return { ...accessToken, ...refresh };
  }

  async accessToken(user: { id: string; role: Role }): Promise<AccessToken> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.JWT_TTL_SECONDS };
  }
}
