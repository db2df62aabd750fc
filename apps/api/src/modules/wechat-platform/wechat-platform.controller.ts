import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type {
  PhoneBinding,
  ShippingUpload,
  ShippingUploadPage,
  SubscribeResult,
  SubscribeTemplates,
} from '@sutwxapp/contracts';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly, CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { BindPhoneDto } from './dto/phone.dto';
import { ReuploadDto, ShippingUploadListQueryDto } from './dto/shipping-upload.dto';
import { RecordSubscriptionsDto, SubscribeTemplatesQueryDto } from './dto/subscribe.dto';
import { PhoneService } from './phone.service';
import { type PushQuery, PushService } from './push.service';
import { ShippingUploadService } from './shipping-upload.service';
import { SubscribeService } from './subscribe.service';

/**
 * WeChat's message push (the mini-program's 消息推送 server URL). No login: the signature is the check.
 * Not in the OpenAPI document: WeChat calls it in its own format (UNDOCUMENTED_ROUTES in the conformance check).
 */
@ApiTags('wechat')
@Controller('wechat/push')
export class WechatPushController {
  constructor(private readonly push: PushService) {}

  @Get()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiExcludeEndpoint() // URL verification by WeChat: answers echostr when the signature is valid
  verify(@Query() query: PushQuery): string {
    return this.push.verifyUrl(query);
  }

  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiExcludeEndpoint() // safe-mode JSON push (settlement, shipping reminder, media check); answers "success"
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
  @ApiRoute({
    summary: 'Template ids the mini-program may ask to subscribe to at this moment',
    ok: { 200: 'SubscribeTemplates' },
  })
  templates(@Query() q: SubscribeTemplatesQueryDto): SubscribeTemplates {
    return this.subscribe.templatesFor(q.moment ?? 'pay');
  }

  @Post('subscriptions')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Record the shopper’s wx.requestSubscribeMessage answers (one notice per accept)',
    body: 'RecordSubscriptionsRequest',
    ok: { 200: 'SubscribeResult' },
  })
  record(@CurrentUserId() userId: number, @Body() dto: RecordSubscriptionsDto): Promise<SubscribeResult> {
    return this.subscribe.recordAcceptances(userId, dto.results);
  }

  @Post('phone')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Bind the phone number from the getPhoneNumber button (answered masked)',
    body: 'BindPhoneRequest',
    ok: { 200: 'PhoneBinding' },
    errors: { 400: ['PHONE_CODE_INVALID'], 503: ['WECHAT_UNAVAILABLE'] },
  })
  bindPhone(@CurrentUserId() userId: number, @Body() dto: BindPhoneDto): Promise<PhoneBinding> {
    return this.phone.bind(userId, dto.code);
  }

  @Get('phone')
  @ApiRoute({ summary: 'The bound phone number, masked (null when none)', ok: { 200: 'PhoneBinding' } })
  getPhone(@CurrentUserId() userId: number): Promise<PhoneBinding> {
    return this.phone.get(userId);
  }
}

@ApiTags('admin')
@Controller('admin')
@AdminOnly()
export class AdminWechatShippingController {
  constructor(private readonly shipping: ShippingUploadService) {}

  @Get('wechat/shipping-uploads')
  @ApiRoute({
    summary: 'Shipping-info uploads to WeChat, newest first, filterable by status',
    ok: { 200: 'ShippingUploadPage' },
  })
  list(@Query() q: ShippingUploadListQueryDto): Promise<ShippingUploadPage> {
    return this.shipping.list(q.status, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get('orders/:id/wechat-shipping')
  @ApiRoute({
    summary: 'Status and last error of one order’s shipping-info upload',
    ok: { 200: 'ShippingUpload' },
    errors: { 404: ['NOT_FOUND'] },
  })
  status(@IdParam() id: number): Promise<ShippingUpload> {
    return this.shipping.status(id);
  }

  @Post('orders/:id/wechat-shipping/reupload')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Upload the shipping info again (optionally other parcels or a virtual/self-pickup type)',
    body: 'ReuploadShippingRequest',
    ok: { 200: 'ShippingUpload' },
    errors: { 404: ['ORDER_NOT_FOUND'], 409: ['ILLEGAL_ORDER_STATE', 'CONFLICT'] },
  })
  reupload(@IdParam() id: number, @Body() dto: ReuploadDto): Promise<ShippingUpload> {
    return this.shipping.reupload(id, dto);
  }
}
