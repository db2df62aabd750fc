import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MeProfile } from '@sutwxapp/contracts';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { UpdateProfileDto } from '../auth/dto/auth.dto';
import { CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { ProfileService } from './profile.service';

@ApiTags('me')
@Controller('me')
@ShopperOnly()
export class MeController {
  constructor(private readonly profiles: ProfileService) {}

  @Get()
  @ApiRoute({
    summary: "The signed-in shopper's profile (with a nickname that waits for review, if any)",
    ok: { 200: 'MeProfile' },
    errors: { 401: ['UNAUTHORIZED'] },
  })
  me(@CurrentUserId() userId: number): Promise<MeProfile> {
    return this.profiles.profile(userId);
  }

  @Patch()
  @ApiRoute({
    summary:
      'Change nickname or avatar (a new nickname passes WeChat content security first: risky is refused, one WeChat wants a person to check waits for an operator with nicknamePending; an avatar is one of your own uploads)',
    body: 'UpdateProfileRequest',
    ok: { 200: 'MeProfile' },
    errors: { 400: ['MEDIA_NOT_USABLE'], 422: ['CONTENT_RISKY'] },
  })
  update(@CurrentUserId() userId: number, @Body() dto: UpdateProfileDto): Promise<MeProfile> {
    return this.profiles.update(userId, dto);
  }
}
