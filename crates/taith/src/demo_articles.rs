//! The demo's help centre: about fifteen articles of Becws Bara Brith (opening hours, delivery
//! areas and fees, allergens, ordering cut-off, returns, gift cards, wholesale, …) in four
//! categories, each written in all six languages, one still a draft — at `/h/{slug}`.

use anyhow::{Context, Result};
use taith_domain::{ArticleInput, TranslationInput, WorkspaceId};
use taith_store::Store;

/// One article: its category (an index into [`CATEGORIES`]), whether it is published, and its
/// title and Markdown body in en, cy, ms, sw, ar, vi.
struct Seed {
    category: usize,
    published: bool,
    texts: [(&'static str, &'static str, &'static str); 6],
}

const CATEGORIES: [&str; 4] = [
    "Ordering and delivery",
    "Our bread and allergens",
    "Payments, returns and gift cards",
    "Wholesale and events",
];

const SEEDS: &[Seed] = &[
    Seed {
        category: 0,
        published: true,
        texts: [
            (
                "en",
                "Opening hours",
                "The shop on Stryd Fawr is open **Monday to Saturday, 7:30 to 17:30**, and on Sunday from 9:00 to 13:00. On bank holidays we open from 9:00 to 13:00.",
            ),
            (
                "cy",
                "Oriau agor",
                "Mae'r siop ar y Stryd Fawr ar agor **o ddydd Llun i ddydd Sadwrn, 7:30 tan 17:30**, ac ar ddydd Sul o 9:00 tan 13:00. Ar wyliau banc rydym ar agor o 9:00 tan 13:00.",
            ),
            (
                "ms",
                "Waktu operasi",
                "Kedai di Stryd Fawr dibuka **Isnin hingga Sabtu, 7:30 hingga 17:30**, dan pada hari Ahad dari 9:00 hingga 13:00. Pada cuti umum kami dibuka dari 9:00 hingga 13:00.",
            ),
            (
                "sw",
                "Saa za kufungua",
                "Duka lililoko Stryd Fawr hufunguliwa **Jumatatu hadi Jumamosi, saa 7:30 hadi 17:30**, na Jumapili kuanzia 9:00 hadi 13:00. Siku za sikukuu tunafungua kuanzia 9:00 hadi 13:00.",
            ),
            (
                "ar",
                "مواعيد العمل",
                "يفتح المتجر في شارع ستريد فاور **من الاثنين إلى السبت، من 7:30 حتى 17:30**، ويوم الأحد من 9:00 حتى 13:00. في العطلات الرسمية نفتح من 9:00 حتى 13:00.",
            ),
            (
                "vi",
                "Giờ mở cửa",
                "Cửa hàng trên phố Stryd Fawr mở cửa **từ thứ Hai đến thứ Bảy, 7:30 đến 17:30**, và Chủ nhật từ 9:00 đến 13:00. Vào ngày lễ chúng tôi mở cửa từ 9:00 đến 13:00.",
            ),
        ],
    },
    Seed {
        category: 0,
        published: true,
        texts: [
            (
                "en",
                "Delivery areas and fees",
                "We deliver within 10 miles of the bakery.\n\n- Within 3 miles: **£2**\n- 3 to 10 miles: **£4**\n- Orders over £30: free\n\nFurther away, collect from the shop or order by post (loaves that keep only).",
            ),
            (
                "cy",
                "Ardaloedd a ffioedd danfon",
                "Rydym yn danfon o fewn 10 milltir i'r becws.\n\n- O fewn 3 milltir: **£2**\n- 3 i 10 milltir: **£4**\n- Archebion dros £30: am ddim\n\nYmhellach i ffwrdd, casglwch o'r siop neu archebwch drwy'r post (torthau sy'n cadw yn unig).",
            ),
            (
                "ms",
                "Kawasan dan caj penghantaran",
                "Kami menghantar dalam lingkungan 10 batu dari kedai roti.\n\n- Dalam 3 batu: **£2**\n- 3 hingga 10 batu: **£4**\n- Pesanan melebihi £30: percuma\n\nLebih jauh, ambil di kedai atau pesan melalui pos (roti yang tahan lama sahaja).",
            ),
            (
                "sw",
                "Maeneo na ada za usafirishaji",
                "Tunasafirisha ndani ya maili 10 kutoka duka la mikate.\n\n- Ndani ya maili 3: **£2**\n- Maili 3 hadi 10: **£4**\n- Oda zaidi ya £30: bure\n\nMbali zaidi, chukua dukani au agiza kwa posta (mikate inayodumu tu).",
            ),
            (
                "ar",
                "مناطق التوصيل ورسومه",
                "نوصّل الطلبات ضمن 10 أميال من المخبز.\n\n- ضمن 3 أميال: **2 جنيه**\n- من 3 إلى 10 أميال: **4 جنيهات**\n- الطلبات فوق 30 جنيهًا: مجانًا\n\nلمن هم أبعد، استلم من المتجر أو اطلب بالبريد (الأرغفة التي تدوم فقط).",
            ),
            (
                "vi",
                "Khu vực và phí giao hàng",
                "Chúng tôi giao hàng trong bán kính 10 dặm từ tiệm bánh.\n\n- Trong 3 dặm: **£2**\n- Từ 3 đến 10 dặm: **£4**\n- Đơn trên £30: miễn phí\n\nXa hơn, hãy nhận tại cửa hàng hoặc đặt qua bưu điện (chỉ các loại bánh để được lâu).",
            ),
        ],
    },
    Seed {
        category: 0,
        published: true,
        texts: [
            (
                "en",
                "Ordering cut-off times",
                "Order by **14:00** for delivery the next morning. Celebration cakes need **three days' notice**. Orders for Sunday close on Friday at 14:00.",
            ),
            (
                "cy",
                "Amseroedd olaf archebu",
                "Archebwch erbyn **14:00** i'w danfon fore trannoeth. Mae angen **tri diwrnod o rybudd** ar gacennau dathlu. Mae archebion ar gyfer dydd Sul yn cau ddydd Gwener am 14:00.",
            ),
            (
                "ms",
                "Masa tutup pesanan",
                "Pesan sebelum **14:00** untuk penghantaran pagi esok. Kek sambutan memerlukan **notis tiga hari**. Pesanan untuk hari Ahad ditutup pada hari Jumaat jam 14:00.",
            ),
            (
                "sw",
                "Muda wa mwisho wa kuagiza",
                "Agiza kabla ya **saa 14:00** ili upelekewe asubuhi inayofuata. Keki za sherehe zinahitaji **taarifa ya siku tatu**. Oda za Jumapili hufungwa Ijumaa saa 14:00.",
            ),
            (
                "ar",
                "آخر موعد للطلب",
                "اطلب قبل **الساعة 14:00** ليصلك الطلب صباح اليوم التالي. تحتاج كعكات المناسبات إلى **إشعار قبل ثلاثة أيام**. تُغلق طلبات الأحد يوم الجمعة الساعة 14:00.",
            ),
            (
                "vi",
                "Thời hạn đặt hàng",
                "Đặt trước **14:00** để được giao vào sáng hôm sau. Bánh kem dịp lễ cần **báo trước ba ngày**. Đơn cho Chủ nhật đóng vào thứ Sáu lúc 14:00.",
            ),
        ],
    },
    Seed {
        category: 0,
        published: true,
        texts: [
            (
                "en",
                "Changing or cancelling an order",
                "You can change or cancel an order until **18:00 the day before** delivery, from the link in your confirmation e-mail or by phoning the shop.",
            ),
            (
                "cy",
                "Newid neu ganslo archeb",
                "Gallwch newid neu ganslo archeb tan **18:00 y diwrnod cyn** ei danfon, o'r ddolen yn eich e-bost cadarnhau neu drwy ffonio'r siop.",
            ),
            (
                "ms",
                "Menukar atau membatalkan pesanan",
                "Anda boleh menukar atau membatalkan pesanan sehingga **18:00 sehari sebelum** penghantaran, melalui pautan dalam e-mel pengesahan atau dengan menelefon kedai.",
            ),
            (
                "sw",
                "Kubadilisha au kughairi oda",
                "Unaweza kubadilisha au kughairi oda hadi **saa 18:00 siku moja kabla** ya usafirishaji, kupitia kiungo kwenye barua pepe ya uthibitisho au kwa kupiga simu dukani.",
            ),
            (
                "ar",
                "تعديل الطلب أو إلغاؤه",
                "يمكنك تعديل الطلب أو إلغاؤه حتى **الساعة 18:00 من اليوم السابق** للتوصيل، من الرابط في رسالة التأكيد أو بالاتصال بالمتجر.",
            ),
            (
                "vi",
                "Thay đổi hoặc hủy đơn hàng",
                "Bạn có thể thay đổi hoặc hủy đơn đến **18:00 ngày hôm trước** ngày giao, qua liên kết trong e-mail xác nhận hoặc gọi điện cho cửa hàng.",
            ),
        ],
    },
    Seed {
        category: 1,
        published: true,
        texts: [
            (
                "en",
                "Allergens",
                "Every product page lists its allergens. Our bread is baked in a kitchen that handles **wheat, rye, milk, eggs, sesame and nuts**, so we cannot promise any loaf is free of traces.",
            ),
            (
                "cy",
                "Alergenau",
                "Mae pob tudalen cynnyrch yn rhestru ei alergenau. Caiff ein bara ei bobi mewn cegin sy'n trin **gwenith, rhyg, llaeth, wyau, sesame a chnau**, felly ni allwn addo nad oes olion mewn unrhyw dorth.",
            ),
            (
                "ms",
                "Alergen",
                "Setiap halaman produk menyenaraikan alergennya. Roti kami dibakar di dapur yang mengendalikan **gandum, rai, susu, telur, bijan dan kacang**, jadi kami tidak dapat menjamin mana-mana roti bebas daripada kesan.",
            ),
            (
                "sw",
                "Vizio",
                "Kila ukurasa wa bidhaa unaorodhesha vizio vyake. Mikate yetu huokwa katika jiko linaloshughulikia **ngano, shayiri, maziwa, mayai, ufuta na karanga**, kwa hiyo hatuwezi kuahidi kwamba mkate wowote hauna chembechembe.",
            ),
            (
                "ar",
                "مسببات الحساسية",
                "تذكر صفحة كل منتج مسببات الحساسية فيه. يُخبز خبزنا في مطبخ يتعامل مع **القمح والجاودار والحليب والبيض والسمسم والمكسرات**، لذا لا يمكننا أن نضمن خلوّ أي رغيف من آثارها.",
            ),
            (
                "vi",
                "Chất gây dị ứng",
                "Trang của mỗi sản phẩm đều ghi rõ chất gây dị ứng. Bánh mì của chúng tôi được nướng trong bếp có sử dụng **lúa mì, lúa mạch đen, sữa, trứng, mè và các loại hạt**, nên chúng tôi không thể cam kết bánh nào hoàn toàn không có vết.",
            ),
        ],
    },
    Seed {
        category: 1,
        published: true,
        texts: [
            (
                "en",
                "Gluten-free and vegan bread",
                "We bake a **vegan** loaf every day. We do not sell gluten-free bread: our flour gets everywhere, and we would rather say so than risk it.",
            ),
            (
                "cy",
                "Bara heb glwten a bara fegan",
                "Rydym yn pobi torth **fegan** bob dydd. Nid ydym yn gwerthu bara heb glwten: mae ein blawd yn mynd i bobman, a gwell gennym ddweud hynny na mentro.",
            ),
            (
                "ms",
                "Roti bebas gluten dan vegan",
                "Kami membakar roti **vegan** setiap hari. Kami tidak menjual roti bebas gluten: tepung kami ada di mana-mana, dan kami lebih suka berterus terang daripada mengambil risiko.",
            ),
            (
                "sw",
                "Mkate usio na gluteni na mkate wa mboga tupu",
                "Tunaoka mkate wa **mboga tupu** kila siku. Hatuuzi mkate usio na gluteni: unga wetu hufika kila mahali, na tunapendelea kusema hivyo kuliko kuhatarisha.",
            ),
            (
                "ar",
                "خبز خالٍ من الغلوتين وخبز نباتي",
                "نخبز رغيفًا **نباتيًا** كل يوم. لا نبيع خبزًا خاليًا من الغلوتين: فالدقيق يصل إلى كل مكان في مخبزنا، ونفضّل أن نقول ذلك على أن نجازف.",
            ),
            (
                "vi",
                "Bánh không gluten và bánh thuần chay",
                "Chúng tôi nướng bánh **thuần chay** mỗi ngày. Chúng tôi không bán bánh không gluten: bột mì có ở khắp nơi trong tiệm, và chúng tôi thà nói rõ còn hơn mạo hiểm.",
            ),
        ],
    },
    Seed {
        category: 1,
        published: true,
        texts: [
            (
                "en",
                "Keeping bara brith fresh",
                "Wrap bara brith in paper and keep it in a tin: it keeps for **a week**. It freezes well for three months; slice it first.",
            ),
            (
                "cy",
                "Cadw bara brith yn ffres",
                "Lapiwch y bara brith mewn papur a'i gadw mewn tun: mae'n cadw am **wythnos**. Mae'n rhewi'n dda am dri mis; torrwch ef yn dafelli yn gyntaf.",
            ),
            (
                "ms",
                "Menyimpan bara brith supaya segar",
                "Balut bara brith dengan kertas dan simpan dalam tin: ia tahan selama **seminggu**. Ia boleh dibekukan dengan baik selama tiga bulan; hiris dahulu.",
            ),
            (
                "sw",
                "Kuhifadhi bara brith ikiwa mbichi",
                "Funga bara brith kwa karatasi na uihifadhi kwenye bati: hudumu kwa **wiki moja**. Huganda vizuri kwa miezi mitatu; ikate vipande kwanza.",
            ),
            (
                "ar",
                "حفظ البارا بريث طازجًا",
                "لفّ البارا بريث بالورق واحفظه في علبة معدنية: يبقى طازجًا **أسبوعًا**. ويمكن تجميده جيدًا ثلاثة أشهر؛ قطّعه شرائح أولًا.",
            ),
            (
                "vi",
                "Giữ bánh bara brith tươi ngon",
                "Gói bánh bara brith bằng giấy và cất trong hộp thiếc: bánh giữ được **một tuần**. Bánh đông lạnh tốt trong ba tháng; hãy cắt lát trước.",
            ),
        ],
    },
    Seed {
        category: 1,
        published: true,
        texts: [
            (
                "en",
                "Ingredients we use",
                "Stone-ground Welsh flour, sea salt, our own sourdough starter, and dried fruit soaked overnight in tea. **No preservatives.**",
            ),
            (
                "cy",
                "Y cynhwysion a ddefnyddiwn",
                "Blawd Cymreig wedi'i falu â maen, halen môr, ein surdoes ein hunain, a ffrwythau sych wedi'u mwydo dros nos mewn te. **Dim cadwolion.**",
            ),
            (
                "ms",
                "Bahan yang kami gunakan",
                "Tepung Wales kisaran batu, garam laut, biang masam kami sendiri, dan buah kering yang direndam semalaman dalam teh. **Tiada pengawet.**",
            ),
            (
                "sw",
                "Viungo tunavyotumia",
                "Unga wa Wales uliosagwa kwa jiwe, chumvi ya bahari, chachu yetu wenyewe, na matunda makavu yaliyolowekwa usiku kucha kwenye chai. **Hakuna vihifadhi.**",
            ),
            (
                "ar",
                "المكونات التي نستخدمها",
                "دقيق ويلزي مطحون بالحجر، وملح البحر، وخميرتنا الحامضة الخاصة، وفاكهة مجففة منقوعة طوال الليل في الشاي. **بلا مواد حافظة.**",
            ),
            (
                "vi",
                "Nguyên liệu chúng tôi dùng",
                "Bột mì xứ Wales xay bằng cối đá, muối biển, men chua tự nuôi, và trái cây khô ngâm trà qua đêm. **Không chất bảo quản.**",
            ),
        ],
    },
    Seed {
        category: 2,
        published: true,
        texts: [
            (
                "en",
                "Returns and refunds",
                "Not happy with something you bought? Bring it back **within two days** with your receipt, or tell us in the survey after your order, and we refund it or bake you another.",
            ),
            (
                "cy",
                "Dychwelyd ac ad-daliadau",
                "Ddim yn hapus â rhywbeth a brynoch? Dewch ag ef yn ôl **o fewn deuddydd** gyda'ch derbynneb, neu dywedwch wrthym yn yr arolwg ar ôl eich archeb, a byddwn yn ei ad-dalu neu'n pobi un arall i chi.",
            ),
            (
                "ms",
                "Pemulangan dan bayaran balik",
                "Tidak berpuas hati dengan sesuatu yang anda beli? Bawa ia kembali **dalam tempoh dua hari** bersama resit, atau beritahu kami dalam tinjauan selepas pesanan, dan kami akan membayar balik atau membakar yang lain untuk anda.",
            ),
            (
                "sw",
                "Kurudisha bidhaa na kurejeshewa pesa",
                "Hujaridhika na kitu ulichonunua? Kirudishe **ndani ya siku mbili** pamoja na risiti yako, au tuambie kwenye utafiti baada ya oda yako, nasi tutakurejeshea pesa au kukuokea kingine.",
            ),
            (
                "ar",
                "الإرجاع واسترداد المبلغ",
                "لست راضيًا عن شيء اشتريته؟ أعِده **خلال يومين** مع الإيصال، أو أخبرنا في الاستبيان بعد طلبك، وسنعيد إليك المبلغ أو نخبز لك غيره.",
            ),
            (
                "vi",
                "Đổi trả và hoàn tiền",
                "Không hài lòng với món đã mua? Hãy mang lại **trong vòng hai ngày** kèm hóa đơn, hoặc cho chúng tôi biết trong khảo sát sau đơn hàng, chúng tôi sẽ hoàn tiền hoặc nướng cho bạn cái khác.",
            ),
        ],
    },
    Seed {
        category: 2,
        published: true,
        texts: [
            (
                "en",
                "Gift cards",
                "Gift cards from **£10 to £100** are sold in the shop and online. They are valid for **two years** and can be spent in several visits.",
            ),
            (
                "cy",
                "Cardiau rhodd",
                "Caiff cardiau rhodd o **£10 i £100** eu gwerthu yn y siop ac ar-lein. Maen nhw'n ddilys am **ddwy flynedd** a gellir eu gwario dros sawl ymweliad.",
            ),
            (
                "ms",
                "Kad hadiah",
                "Kad hadiah dari **£10 hingga £100** dijual di kedai dan dalam talian. Ia sah selama **dua tahun** dan boleh digunakan dalam beberapa lawatan.",
            ),
            (
                "sw",
                "Kadi za zawadi",
                "Kadi za zawadi za **£10 hadi £100** zinauzwa dukani na mtandaoni. Zinatumika kwa **miaka miwili** na zinaweza kutumiwa katika ziara kadhaa.",
            ),
            (
                "ar",
                "بطاقات الهدايا",
                "تُباع بطاقات الهدايا **من 10 إلى 100 جنيه** في المتجر وعبر الإنترنت. وهي صالحة **سنتين** ويمكن إنفاقها على عدة زيارات.",
            ),
            (
                "vi",
                "Thẻ quà tặng",
                "Thẻ quà tặng từ **£10 đến £100** được bán tại cửa hàng và trực tuyến. Thẻ có hiệu lực **hai năm** và có thể dùng trong nhiều lần mua.",
            ),
        ],
    },
    Seed {
        category: 2,
        published: true,
        texts: [
            (
                "en",
                "Ways to pay",
                "We take cards, phone payments and cash in the shop. Online orders are paid by card when you order; wholesale customers can pay by invoice.",
            ),
            (
                "cy",
                "Ffyrdd o dalu",
                "Rydym yn derbyn cardiau, taliadau ffôn ac arian parod yn y siop. Telir am archebion ar-lein â cherdyn wrth archebu; gall cwsmeriaid cyfanwerthu dalu drwy anfoneb.",
            ),
            (
                "ms",
                "Cara pembayaran",
                "Kami menerima kad, bayaran telefon dan tunai di kedai. Pesanan dalam talian dibayar dengan kad semasa membuat pesanan; pelanggan borong boleh membayar melalui invois.",
            ),
            (
                "sw",
                "Njia za kulipa",
                "Tunapokea kadi, malipo kwa simu na pesa taslimu dukani. Oda za mtandaoni hulipwa kwa kadi unapoagiza; wateja wa jumla wanaweza kulipa kwa ankara.",
            ),
            (
                "ar",
                "طرق الدفع",
                "نقبل البطاقات والدفع بالهاتف والنقود في المتجر. تُدفع الطلبات عبر الإنترنت بالبطاقة عند الطلب؛ ويمكن لعملاء الجملة الدفع بفاتورة.",
            ),
            (
                "vi",
                "Cách thanh toán",
                "Tại cửa hàng chúng tôi nhận thẻ, thanh toán qua điện thoại và tiền mặt. Đơn trực tuyến thanh toán bằng thẻ khi đặt; khách sỉ có thể thanh toán theo hóa đơn.",
            ),
        ],
    },
    Seed {
        category: 3,
        published: true,
        texts: [
            (
                "en",
                "Wholesale for cafés and shops",
                "Cafés, delis and shops can order bread and bara brith **wholesale**, delivered before 7:00 six days a week. Minimum order **£40**. Write to us for the price list.",
            ),
            (
                "cy",
                "Cyfanwerthu i gaffis a siopau",
                "Gall caffis, delis a siopau archebu bara a bara brith **yn gyfanwerthol**, wedi'u danfon cyn 7:00 chwe diwrnod yr wythnos. Isafswm archeb **£40**. Ysgrifennwch atom am y rhestr brisiau.",
            ),
            (
                "ms",
                "Borong untuk kafe dan kedai",
                "Kafe, kedai makanan dan kedai boleh memesan roti dan bara brith **secara borong**, dihantar sebelum 7:00 enam hari seminggu. Pesanan minimum **£40**. Tulis kepada kami untuk senarai harga.",
            ),
            (
                "sw",
                "Jumla kwa mikahawa na maduka",
                "Mikahawa na maduka yanaweza kuagiza mikate na bara brith **kwa jumla**, ikiletwa kabla ya saa 7:00 siku sita kwa wiki. Oda ya chini **£40**. Tuandikie upate orodha ya bei.",
            ),
            (
                "ar",
                "البيع بالجملة للمقاهي والمتاجر",
                "يمكن للمقاهي ومحال الأطعمة والمتاجر طلب الخبز والبارا بريث **بالجملة**، مع توصيله قبل الساعة 7:00 ستة أيام في الأسبوع. الحد الأدنى للطلب **40 جنيهًا**. راسلنا للحصول على قائمة الأسعار.",
            ),
            (
                "vi",
                "Bán sỉ cho quán cà phê và cửa hàng",
                "Quán cà phê và cửa hàng có thể đặt bánh mì và bara brith **giá sỉ**, giao trước 7:00 sáu ngày mỗi tuần. Đơn tối thiểu **£40**. Hãy viết cho chúng tôi để nhận bảng giá.",
            ),
        ],
    },
    Seed {
        category: 3,
        published: true,
        texts: [
            (
                "en",
                "Cakes for weddings and parties",
                "We bake celebration cakes and platters of Welsh cakes for up to **200 guests**. Tell us the date, the number of guests and any allergies at least three weeks ahead.",
            ),
            (
                "cy",
                "Cacennau ar gyfer priodasau a phartïon",
                "Rydym yn pobi cacennau dathlu a phlatiau o bice ar y maen ar gyfer hyd at **200 o westeion**. Dywedwch wrthym y dyddiad, nifer y gwesteion ac unrhyw alergeddau o leiaf dair wythnos ymlaen llaw.",
            ),
            (
                "ms",
                "Kek untuk majlis perkahwinan dan parti",
                "Kami membakar kek sambutan dan dulang kek Wales untuk sehingga **200 tetamu**. Beritahu kami tarikh, bilangan tetamu dan sebarang alahan sekurang-kurangnya tiga minggu lebih awal.",
            ),
            (
                "sw",
                "Keki za harusi na sherehe",
                "Tunaoka keki za sherehe na sahani za keki za Wales kwa hadi **wageni 200**. Tuambie tarehe, idadi ya wageni na mzio wowote angalau wiki tatu kabla.",
            ),
            (
                "ar",
                "كعكات الأعراس والحفلات",
                "نخبز كعكات المناسبات وأطباق الكعك الويلزي لما يصل إلى **200 ضيف**. أخبرنا بالتاريخ وعدد الضيوف وأي حساسية قبل ثلاثة أسابيع على الأقل.",
            ),
            (
                "vi",
                "Bánh cho đám cưới và tiệc",
                "Chúng tôi nướng bánh kem dịp lễ và khay bánh xứ Wales cho tối đa **200 khách**. Hãy cho chúng tôi biết ngày, số khách và các dị ứng ít nhất ba tuần trước.",
            ),
        ],
    },
    Seed {
        category: 3,
        published: true,
        texts: [
            (
                "en",
                "Baking classes",
                "On the first Saturday of each month we teach bara brith and sourdough in the bakery, **9:00 to 12:00**, six people per class. You take home what you bake.",
            ),
            (
                "cy",
                "Dosbarthiadau pobi",
                "Ar ddydd Sadwrn cyntaf pob mis rydym yn dysgu bara brith a bara surdoes yn y becws, **9:00 tan 12:00**, chwech o bobl ym mhob dosbarth. Rydych yn mynd â'r hyn a bobwch adref.",
            ),
            (
                "ms",
                "Kelas membakar roti",
                "Pada hari Sabtu pertama setiap bulan kami mengajar membuat bara brith dan roti masam di kedai roti, **9:00 hingga 12:00**, enam orang setiap kelas. Anda membawa pulang apa yang anda bakar.",
            ),
            (
                "sw",
                "Madarasa ya kuoka",
                "Jumamosi ya kwanza ya kila mwezi tunafundisha kuoka bara brith na mkate wa chachu katika duka letu, **saa 9:00 hadi 12:00**, watu sita kwa darasa. Unaenda nyumbani na ulichooka.",
            ),
            (
                "ar",
                "دروس الخَبز",
                "في أول سبت من كل شهر نعلّم خَبز البارا بريث وخبز العجين المخمّر في المخبز، **من 9:00 حتى 12:00**، ستة أشخاص في كل درس. وتأخذ معك ما تخبزه.",
            ),
            (
                "vi",
                "Lớp học làm bánh",
                "Vào thứ Bảy đầu tiên mỗi tháng, chúng tôi dạy làm bara brith và bánh mì men chua tại tiệm, **9:00 đến 12:00**, sáu người mỗi lớp. Bạn mang về những gì mình nướng.",
            ),
        ],
    },
    Seed {
        category: 0,
        published: false,
        texts: [
            (
                "en",
                "Christmas orders (draft)",
                "Christmas orders open on 1 November. Last collection: 24 December at 13:00.",
            ),
            (
                "cy",
                "Archebion Nadolig (drafft)",
                "Mae archebion Nadolig yn agor ar 1 Tachwedd. Casglu olaf: 24 Rhagfyr am 13:00.",
            ),
            (
                "ms",
                "Pesanan Krismas (draf)",
                "Pesanan Krismas dibuka pada 1 November. Pengambilan terakhir: 24 Disember jam 13:00.",
            ),
            (
                "sw",
                "Oda za Krismasi (rasimu)",
                "Oda za Krismasi zinafunguliwa tarehe 1 Novemba. Kuchukua mwisho: 24 Desemba saa 13:00.",
            ),
            (
                "ar",
                "طلبات عيد الميلاد (مسودة)",
                "تُفتح طلبات عيد الميلاد في 1 نوفمبر. آخر موعد للاستلام: 24 ديسمبر الساعة 13:00.",
            ),
            (
                "vi",
                "Đơn hàng Giáng sinh (bản nháp)",
                "Nhận đơn Giáng sinh từ ngày 1 tháng 11. Lần nhận hàng cuối: 24 tháng 12 lúc 13:00.",
            ),
        ],
    },
];

/// Seeds the categories and articles.
pub async fn seed_articles(store: &dyn Store, ws: WorkspaceId) -> Result<()> {
    let mut categories = Vec::new();
    for name in CATEGORIES {
        let c = taith_app::articles::create_category(store, ws, name)
            .await
            .with_context(|| format!("seeding the help centre's category {name}"))?;
        categories.push(c.id);
    }
    for seed in SEEDS {
        let input = ArticleInput {
            category_id: categories.get(seed.category).map(|c| c.to_string()),
            status: if seed.published { "published" } else { "draft" }.to_owned(),
            translations: seed
                .texts
                .iter()
                .map(|(l, title, body)| {
                    (
                        (*l).to_owned(),
                        TranslationInput {
                            title: (*title).to_owned(),
                            body: (*body).to_owned(),
                        },
                    )
                })
                .collect(),
            slug: None,
        };
        taith_app::articles::create_article(store, ws, &input)
            .await
            .map_err(|e| anyhow::anyhow!("seeding the article {}: {e:?}", seed.texts[0].1))?;
    }
    Ok(())
}
