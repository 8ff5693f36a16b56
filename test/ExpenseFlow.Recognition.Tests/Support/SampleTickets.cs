using static ExpenseFlow.Recognition.Tests.Support.SampleTicket;

namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>
/// A few documents of every ticket kind, varied in what the rules must not depend on: amounts, dates, names, stations,
/// cities, serial forms (7 and 10 characters), paper colour, one or two flights, a surcharge, an extra folio charge.
/// </summary>
public static class SampleTickets
{
    public static SampleTicket TrainWuhan { get; } = TrainPaper("train-paper-wuhan", "021B045317", "武汉站", "Wuhan", "长沙南站", "Changshanan",
        "G1103", new DateTime(2019, 3, 10, 14, 50, 0), "05车08C号", "二等座", 164.50m, "1406021994****1711", "李明",
        "62047300010310", "武汉售", spacedStations: true);

    public static SampleTicket TrainBeijing { get; } = TrainPaper("train-paper-beijing", "E062315", "北京南站", "Beijingnan", "天津站", "Tianjin",
        "C2065", new DateTime(2023, 11, 2, 7, 35, 0), "03车12F号", "一等座", 66.50m, "1101051988****2036", "王芳",
        "10214010231102", "北京南售");

    public static SampleTicket TrainGuangzhou { get; } = TrainPaper("train-paper-guangzhou", "Z31C004278", "广州东站", "Guangzhoudong", "深圳站", "Shenzhen",
        "K9003", new DateTime(2015, 7, 10, 9, 5, 0), "08车093号", "硬座", 35.50m, "4401041979****0528", "陈静",
        "29731300150710", "广州东售", pink: true);

    public static SampleTicket TrainElectronicShanghai { get; } = TrainElectronic("train-e-shanghai", "25119110000012345678", new DateOnly(2025, 1, 15),
        "上海云杉信息科技有限公司", "91310115MA1K4FQX2T", "北京南站", "Beijingnan", "上海虹桥站", "Shanghaihongqiao", "G3",
        new DateTime(2025, 1, 20, 9, 0, 0), "05车08A号", "二等座", 667.00m, "751208462730012025012", "3101041985****3217", "张伟");

    public static SampleTicket TrainElectronicNanjing { get; } = TrainElectronic("train-e-nanjing", "25339170300009876543", new DateOnly(2025, 3, 2),
        "北京星河软件有限公司", "91110108MA01RL2E58", "杭州东站", "Hangzhoudong", "南京南站", "Nanjingnan", "G7358",
        new DateTime(2025, 2, 27, 18, 42, 0), "12车03F号", "一等座", 188.00m, "304712958160022025022", "3301061990****4528", "刘洋");

    public static SampleTicket AirBeijing { get; } = Air("air-beijing", "5523864107", "赵磊", "11010519860312123X", "9992145678901",
        [("北京", "PEK", "上海", "SHA", "国航", "CA1501", "Y", new DateOnly(2024, 3, 10), "08:30")],
        1200.00m, 50.00m, 80.00m, null, new DateOnly(2024, 3, 8), "中国国际航空股份有限公司北京售票处", "PEK999");

    public static SampleTicket AirChengdu { get; } = Air("air-chengdu", "3620579148", "孙丽", "31011519920718462X", "7812356089127",
        [("上海", "SHA", "成都", "CTU", "东航", "MU5401", "Y", new DateOnly(2024, 6, 18), "13:25"),
         ("成都", "CTU", "上海", "SHA", "东航", "MU5402", "Y", new DateOnly(2024, 6, 21), "19:10")],
        2340.00m, 100.00m, 160.00m, 20.00m, new DateOnly(2024, 6, 15), "上海东方航空票务有限公司", "SHA781");

    public static SampleTicket TaxiBeijing { get; } = Taxi("taxi-beijing", "北京市出租汽车统一发票", "111001981071", "33017722", "京B-12345", "京B12345",
        new DateOnly(2024, 3, 5), "08:12", "08:40", 2.30m, 12.6m, "00:03:10", null, 38.50m);

    public static SampleTicket TaxiShanghai { get; } = Taxi("taxi-shanghai", "上海市出租汽车统一发票", "131001870021", "04581239", "沪FT1234", "沪FT1234",
        new DateOnly(2024, 7, 19), "21:47", "22:15", 2.70m, 15.3m, "00:05:42", 1.00m, 53.40m);

    public static SampleTicket QuotaBeijing { get; } = Quota("quota-beijing", "北京市通用定额发票", "111001960011", "12054387", 10m, "壹拾圆", "10元",
        "北京华联停车管理有限公司", Uscc17("91110105MA00KD3R7"));

    public static SampleTicket QuotaGuangdong { get; } = Quota("quota-guangdong", "广东省通用定额发票", "144031860171", "08375221", 50m, "伍拾元", "￥50.00",
        "深圳市福田区百味餐饮店", Uscc17("92440304MA5FX8L2Q"));

    public static SampleTicket QuotaHangzhou { get; } = Quota("quota-hangzhou", "浙江省杭州市通用定额发票", "133011970103", "40927716", 20m, "贰拾元", "20元",
        "杭州湖滨停车服务有限公司", Uscc17("91330102MA2CF61K4"));

    public static SampleTicket TollJiangsu { get; } = Toll("toll-jiangsu", "江苏省高速公路车辆通行费专用发票", "132001770501", "06321478", "南京东", "无锡东",
        "一型车", 45.00m, new DateOnly(2024, 4, 12), "15:58", "16:35", "无锡东收费站");

    public static SampleTicket TollGuangdong { get; } = Toll("toll-guangdong", "广东省高速公路通行费发票", "144001880214", "51029876", "广州北", "佛山",
        "二型车", 65.00m, new DateOnly(2024, 6, 1), null, "09:12", "佛山收费站");

    public static SampleTicket BusNanjing { get; } = BusOrShip("bus-nanjing", false, "江苏省汽车客票", "0083125", "南京", "扬州",
        new DateTime(2024, 2, 10, 9, 30, 0), "1025", "12", 48.00m, "南京中央门汽车客运站");

    public static SampleTicket ShipHaikou { get; } = BusOrShip("ship-haikou", true, "琼州海峡客滚运输船票", "2406150387", "海口", "海安",
        new DateTime(2024, 6, 15, 14, 0, 0), "粤海铁3号", "B087", 45.00m, "海口新海港");

    public static SampleTicket RollShanghai { get; } = Roll("roll-shanghai", "上海增值税普通发票（卷式）", "031001900204", "46087213", "499099773016",
        "上海晨光便利店有限公司", Uscc17("91310104MA1G82QK5"), new DateOnly(2024, 3, 15),
        [["矿泉水", "2", "2.00", "4.00"], ["三明治", "1", "12.50", "12.50"], ["咖啡", "2", "21.00", "42.00"]],
        58.50m, "伍拾捌元伍角", "63017245198834562019", "王丽");

    public static SampleTicket RollHangzhou { get; } = Roll("roll-hangzhou", "浙江增值税普通发票（卷票）", "033002000111", "00713356", "661612034807",
        "杭州湖滨餐饮管理有限公司", Uscc17("91330102MA27XJ9P3"), new DateOnly(2024, 5, 21),
        [["餐费", "1", "286.00", "286.00"]], 286.00m, "贰佰捌拾陆元整", "40215873691204758632", "陈晓");

    public static SampleTicket HotelHangzhou { get; } = Hotel("hotel-hangzhou", "杭州西湖国际大酒店", "Hangzhou West Lake International Hotel",
        "100234876", "张伟", "1208", new DateOnly(2024, 5, 6), new DateOnly(2024, 5, 8), 458.00m,
        [["2024-05-06", "1000", "房费", "Room Charge", "458.00", ""], ["2024-05-07", "1000", "房费", "Room Charge", "458.00", ""],
         ["2024-05-08", "9030", "支付宝", "Alipay", "", "916.00"]],
        916.00m, "杭州市西湖区曙光路120号 Tel: 0571-87991234");

    public static SampleTicket HotelChengdu { get; } = Hotel("hotel-chengdu", "成都锦江花园酒店", "Chengdu Jinjiang Garden Hotel",
        "20394718", "孙丽", "816", new DateOnly(2024, 6, 18), new DateOnly(2024, 6, 21), 520.00m,
        [["2024-06-18", "1000", "房费", "Room Charge", "520.00", ""], ["2024-06-19", "1000", "房费", "Room Charge", "520.00", ""],
         ["2024-06-19", "2100", "洗衣", "Laundry", "45.00", ""], ["2024-06-20", "1000", "房费", "Room Charge", "520.00", ""],
         ["2024-06-21", "9000", "银行卡", "Credit Card", "", "1605.00"]],
        1605.00m, "成都市锦江区人民南路二段80号 Tel: 028-85506666");

    public static IReadOnlyList<SampleTicket> All { get; } =
    [
        TrainWuhan, TrainBeijing, TrainGuangzhou, TrainElectronicShanghai, TrainElectronicNanjing, AirBeijing, AirChengdu,
        TaxiBeijing, TaxiShanghai, QuotaBeijing, QuotaGuangdong, QuotaHangzhou, TollJiangsu, TollGuangdong, BusNanjing, ShipHaikou,
        RollShanghai, RollHangzhou, HotelHangzhou, HotelChengdu,
    ];

    public static SampleTicket ByName(string name) => All.Single(t => t.Name == name);
}
