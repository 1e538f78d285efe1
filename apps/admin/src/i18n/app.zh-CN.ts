import type { appEn } from './app.en';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** 应用自身的简体中文文案（菜单、页面、错误码）。 */
export const appZhCN: Messages<typeof appEn> = {
  app: {
    title: 'OMS',
    subtitle: '订单管理后台',
    language: '语言',
    login: {
      title: '登录 OMS',
      hint: '请使用管理员为您分配的账号。',
    },
    dashboard: {
      title: '首页',
      welcome_title: '欢迎使用 OMS',
      welcome_body:
        'OMS 从各销售渠道接收订单，完成审核、锁定库存、下发仓库，跟踪每个包裹直至签收，并处理后续售后。',
      signed_in_as: '当前用户：%{name}',
      available_title: '已上线',
      dead_letters_body: '处理程序在多次重试后仍然失败的事件。可查看错误和事件内容，排除原因后重新投递。',
      open: '打开',
      planned_title: '建设中',
      planned_body: '这些模块已列在菜单中，打开后会提示尚未上线。正式发布前不显示任何数据。',
    },
    coming_soon: {
      badge: '尚未上线',
      title: '「%{module}」尚未上线',
      body: '该模块已在规划中，但尚未发布。本页没有任何实时数据，也暂时无法在此进行操作。',
      back: '返回首页',
    },
  },
  menu: {
    groups: {
      orders: '订单管理',
      inventory: '库存管理',
      logistics: '物流管理',
      customers: '客户管理',
      after_sales: '售后管理',
      reports: '报表中心',
      settings: '系统设置',
    },
    items: {
      orders: '订单列表',
      order_exceptions: '异常订单',
      stock_levels: '实时库存',
      warehouses: '仓库',
      shipments: '发货与跟踪',
      carriers: '物流公司',
      customers: '客户列表',
      returns: '退换货',
      refunds: '退款',
      incidents: '异常件登记',
      reports: '报表与导出',
      order_rules: '订单规则',
      notification_templates: '通知模板',
      users: '用户与权限',
    },
    descriptions: {
      orders: '所有渠道的全部订单，按状态分类，可按订单号、客户手机号、下单时间、状态查询；审核通过、驳回或取消。',
      order_exceptions: '被审核规则标记的订单（地址不完整、库存不足、未到账等），等待人工处理。',
      stock_levels: '按商品编码和仓库查看实时库存，以及锁定和出入库记录。',
      warehouses: '仓库与虚拟仓、仓库优先级和分配策略。',
      shipments: '发货单、物流单号、物流跟踪记录和配送异常预警。',
      carriers: '物流公司账号、面单设置和物流方式优先级。',
      customers: '客户信息、收货地址及历史订单。',
      returns: '退换货申请：客服审核、仓库收货与质检。',
      refunds: '退货和取消后应退的款项。',
      incidents: '丢件、破损、错发、漏发的登记、跟进与解决。',
      reports: '销售日报、订单状态分布、商品销售排行、客户购买行为分析，并可导出。',
      order_rules: '自动审核条件、默认发货仓库和物流方式优先级。',
      notification_templates: '订单确认、发货通知等邮件和短信模板。',
      users: '后台账号以及各角色的操作权限。',
    },
  },
  errors: {
    unknown: '服务器拒绝了该请求（%{code}）。',
    internal: '服务器发生意外错误，请重试；如果问题持续，请联系管理员。',
    network: '无法连接服务器，请检查网络后重试。',
    not_found: '该记录不存在或已被删除。',
    validation: {
      failed: '部分内容填写有误，请检查后重试。',
    },
    auth: {
      invalid_credentials: '邮箱或密码错误。',
    },
    dead_letters: {
      not_replayable: '只有失败状态的事件才能重新投递；该事件已重新投递或已处理。',
    },
  },
};
