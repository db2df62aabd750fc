import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly, CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { BindPhoneDto, PhoneDto } from './dto/phone.dto';
import {
  ReuploadDto,
  ShippingUploadDto,
  ShippingUploadListQueryDto,
  ShippingUploadPageDto,
} from './dto/shipping-upload.dto';
import {
  RecordSubscriptionsDto,
  SubscribeResultDto,
  SubscribeTemplatesDto,
  SubscribeTemplatesQueryDto,
} from './dto/subscribe.dto';
import { PhoneService } from './phone.service';
import { type PushQuery, PushService } from './push.service';
import { ShippingUploadService } from './shipping-upload.service';
import { SubscribeService } from './subscribe.service';

/** WeChat's message push (the mini-program's 消息推送 server URL). No login: the signature is the check. */
@ApiTags('wechat')
@Controller('wechat/push')
export class WechatPushController {
  constructor(private readonly push: PushService) {}

  @Get()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'URL verification by WeChat: answers echostr when the signature is valid' })
  @ApiOkResponse({ type: String })
  verify(@Query() query: PushQuery): string {
    return this.push.verifyUrl(query);
  }

  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'Safe-mode JSON message push from WeChat (settlement, shipping reminder, media check)' })
  @ApiOkResponse({ type: String, description: '"success"' })
  receive(@Query() query: PushQuery, @Body() body: unknown): Promise<string> {
    return this.push.receive(query, body);
  }
}

@ApiTags('wechat')
@Controller('wechat')
@ShopperOnly()
export class WechatShopperController {
  constructor(
    private readonly subscribe: SubscribeService,
    private readonly phone: PhoneService,
  ) {}

  @Get('subscriptions/templates')
  @ApiOperation({ summary: 'Template ids the mini-program may ask to subscribe to at this moment' })
  @ApiOkResponse({ type: SubscribeTemplatesDto })
  templates(@Query() q: SubscribeTemplatesQueryDto): SubscribeTemplatesDto {
    return this.subscribe.templatesFor(q.moment ?? 'pay');
  }

  @Post('subscriptions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the shopper’s wx.requestSubscribeMessage answers (one notice per accept)' })
  @ApiOkResponse({ type: SubscribeResultDto })
  record(@CurrentUserId() userId: number, @Body() dto: RecordSubscriptionsDto): Promise<SubscribeResultDto> {
    return this.subscribe.recordAcceptances(userId, dto.results);
  }

  @Post('phone')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bind the phone number from the getPhoneNumber button (answered masked)' })
  @ApiOkResponse({ type: PhoneDto })
  bindPhone(@CurrentUserId() userId: number, @Body() dto: BindPhoneDto): Promise<PhoneDto> {
    return this.phone.bind(userId, dto.code);
  }

  @Get('phone')
  @ApiOperation({ summary: 'The bound phone number, masked (null when none)' })
  @ApiOkResponse({ type: PhoneDto })
  getPhone(@CurrentUserId() userId: number): Promise<PhoneDto> {
    return this.phone.get(userId);
  }
}

@ApiTags('admin')
@Controller('admin')
@AdminOnly()
export class AdminWechatShippingController {
  constructor(private readonly shipping: ShippingUploadService) {}

  @Get('wechat/shipping-uploads')
  @ApiOperation({ summary: 'Shipping-info uploads to WeChat, newest first, filterable by status' })
  @ApiOkResponse({ type: ShippingUploadPageDto })
  list(@Query() q: ShippingUploadListQueryDto): Promise<ShippingUploadPageDto> {
    return this.shipping.list(q.status, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get('orders/:id/wechat-shipping')
  @ApiOperation({ summary: 'Status and last error of one order’s shipping-info upload' })
  @ApiOkResponse({ type: ShippingUploadDto })
  status(@IdParam() id: number): Promise<ShippingUploadDto> {
    return this.shipping.status(id);
  }

  @Post('orders/:id/wechat-shipping/reupload')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upload the shipping info again (optionally other parcels or a virtual/self-pickup type)' })
  @ApiOkResponse({ type: ShippingUploadDto })
  reupload(@IdParam() id: number, @Body() dto: ReuploadDto): Promise<ShippingUploadDto> {
    return this.shipping.reupload(id, dto);
  }
}
