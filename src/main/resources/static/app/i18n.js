// Arabic first; English on request. The choice is kept per browser and sent to the API as Accept-Language.
const STRINGS = {
  ar: {
    'brand': 'فرص التطوع',
    'nav.search': 'البحث', 'nav.matches': 'فرص تناسبني', 'nav.organization': 'الجهة',
    'search.placeholder': 'ابحث عن فرصة: إسعافات أولية، تنظيم فعاليات، Python…',
    'search.submit': 'بحث', 'search.results': 'النتائج',
    'filter.city': 'المدينة', 'filter.field': 'المجال', 'filter.skills': 'المهارات', 'filter.mode': 'طريقة العمل',
    'filter.any': 'الكل', 'filter.nearMe': 'بالقرب مني', 'filter.radius': 'نصف القطر (كم)', 'filter.clear': 'مسح عوامل التصفية',
    'facet.field': 'المجالات', 'facet.city': 'المدن', 'facet.skill': 'المهارات', 'facet.mode': 'طريقة العمل', 'facet.more': (n) => `${n} أخرى`, 'list.more': (n) => `عرض المزيد (${n})`,
    'suggest.city': 'مدينة', 'suggest.field': 'مجال', 'suggest.skill': 'مهارة', 'suggest.organization': 'جهة', 'suggest.opportunity': 'فرصة',
    'status.streaming': 'تصل النتائج…', 'status.reconnecting': 'انقطع الاتصال، جارٍ الاستئناف…',
    'status.shown': (n, total) => `تُعرض ${n} من ${total}`, 'status.done': (n) => `اكتملت النتائج: ${n}`,
    'status.none': 'لا توجد فرص مطابقة', 'status.more': 'مرّر لعرض المزيد',
    'understood.corrected': 'هل تقصد:', 'understood.also': 'بحثنا أيضًا عن:',
    'status.locating': 'جارٍ تحديد موقعك…', 'status.noLocation': 'تعذّر تحديد موقعك',
    'hit.seats': (left, total) => `${left} من ${total} مقعدًا متاحًا`, 'hit.hours': (h) => `${h} ساعة`, 'hit.km': (km) => `${km} كم`,
    'hit.starts': 'يبدأ', 'hit.verified': 'جهة موثّقة',
    'signin.title': 'تسجيل دخول تجريبي', 'signin.volunteers': 'متطوعون تجريبيون', 'signin.organizations': 'جهات تجريبية',
    'signin.byId': 'أو أدخل المعرّف', 'signin.go': 'دخول', 'signin.out': 'خروج', 'signin.unavailable': 'تسجيل الدخول التجريبي غير مفعّل في هذا الخادم',
    'signin.asVolunteer': 'متطوع', 'signin.asMember': 'عضو جهة', 'signin.needVolunteer': 'سجّل الدخول كمتطوع لعرض الفرص المناسبة لك',
    'signin.needMember': 'سجّل الدخول كعضو في جهة لعرض مرشّحيها',
    'matches.title': 'فرص مرتّبة لك', 'matches.live': 'فرص جديدة تناسبك', 'matches.liveWaiting': 'ننتظر فرصًا جديدة تناسبك…',
    'matches.score': 'درجة المطابقة', 'matches.matched': 'مهارات لديك', 'matches.related': 'مهارات قريبة', 'matches.missing': 'مهارات تنقصك',
    'matches.distance': 'المسافة', 'matches.remote': 'عن بعد', 'matches.field': 'ضمن مجالاتك', 'matches.otherField': 'خارج مجالاتك',
    'matches.sameCity': 'في مدينتك', 'matches.why': 'لماذا هذه الفرصة؟', 'candidates.why': 'لماذا هذا المتطوع؟',
    'org.opportunities': 'فرص الجهة', 'org.candidates': 'أفضل المرشّحين', 'org.applicants': 'المتقدّمون', 'org.pick': 'اختر فرصة',
    'org.applied': 'تقدّم', 'org.hours': (h) => `${h} ساعة موثّقة`, 'org.noApplicants': 'لا متقدّمين بعد', 'org.volunteer': 'متطوع',
    'component.skills': 'المهارات', 'component.field': 'المجال', 'component.distance': 'القرب', 'component.language': 'اللغة',
    'component.text': 'النص', 'component.freshness': 'الحداثة', 'component.city': 'المدينة', 'component.capacity': 'المقاعد المتاحة',
    'component.experience': 'الخبرة', 'component.urgency': 'يبدأ قريبًا', 'component.verified': 'جهة موثّقة',
    'component.past_field': 'تطوّع سابق في المجال', 'component.past_organization': 'تطوّع سابق مع الجهة',
    'component.track_record': 'سجلّ الإتمام', 'component.weekdays': 'أيام متاحة', 'component.tiebreak': 'التناوب بين المتساوين',
    'component.exposure': 'ظهر أقل من غيره',
    'sort.label': 'الترتيب', 'sort.relevance': 'الأكثر صلة', 'sort.newest': 'الأحدث', 'sort.soonest': 'الأقرب موعدًا', 'sort.nearest': 'الأقرب مسافة',
    'mode.on_site': 'حضوري', 'mode.remote': 'عن بعد', 'mode.hybrid': 'مدمج',
    'state.draft': 'مسودة', 'state.published': 'منشورة', 'state.closed': 'مغلقة', 'state.pending': 'قيد المراجعة',
    'state.accepted': 'مقبول', 'state.rejected': 'مرفوض', 'state.withdrawn': 'منسحب', 'state.completed': 'مكتمل',
    'error': 'خطأ', 'retry': 'إعادة المحاولة',
  },
  en: {
    'brand': 'Volunteering opportunities',
    'nav.search': 'Search', 'nav.matches': 'My matches', 'nav.organization': 'Organization',
    'search.placeholder': 'Search opportunities: first aid, event organizing, إسعافات…',
    'search.submit': 'Search', 'search.results': 'Results',
    'filter.city': 'City', 'filter.field': 'Field', 'filter.skills': 'Skills', 'filter.mode': 'Mode',
    'filter.any': 'Any', 'filter.nearMe': 'Near me', 'filter.radius': 'Radius (km)', 'filter.clear': 'Clear filters',
    'facet.field': 'Fields', 'facet.city': 'Cities', 'facet.skill': 'Skills', 'facet.mode': 'Mode', 'facet.more': (n) => `${n} more`, 'list.more': (n) => `Show more (${n})`,
    'suggest.city': 'City', 'suggest.field': 'Field', 'suggest.skill': 'Skill', 'suggest.organization': 'Organization', 'suggest.opportunity': 'Opportunity',
    'status.streaming': 'Results arriving…', 'status.reconnecting': 'Connection lost, resuming…',
    'status.shown': (n, total) => `Showing ${n} of ${total}`, 'status.done': (n) => `All results shown: ${n}`,
    'status.none': 'No matching opportunities', 'status.more': 'Scroll for more',
    'understood.corrected': 'Did you mean:', 'understood.also': 'Also searched for:',
    'status.locating': 'Finding your location…', 'status.noLocation': 'Could not find your location',
    'hit.seats': (left, total) => `${left} of ${total} seats left`, 'hit.hours': (h) => `${h} hours`, 'hit.km': (km) => `${km} km`,
    'hit.starts': 'Starts', 'hit.verified': 'Verified organization',
    'signin.title': 'Demo sign-in', 'signin.volunteers': 'Demo volunteers', 'signin.organizations': 'Demo organizations',
    'signin.byId': 'or enter an id', 'signin.go': 'Sign in', 'signin.out': 'Sign out', 'signin.unavailable': 'Demo sign-in is not enabled on this server',
    'signin.asVolunteer': 'Volunteer', 'signin.asMember': 'Organization member', 'signin.needVolunteer': 'Sign in as a volunteer to see opportunities ranked for you',
    'signin.needMember': 'Sign in as an organization member to see its candidates',
    'matches.title': 'Opportunities ranked for you', 'matches.live': 'New matches', 'matches.liveWaiting': 'Waiting for new opportunities that fit you…',
    'matches.score': 'Match score', 'matches.matched': 'Skills you have', 'matches.related': 'Related skills', 'matches.missing': 'Skills you lack',
    'matches.distance': 'Distance', 'matches.remote': 'Remote', 'matches.field': 'In your fields', 'matches.otherField': 'Outside your fields',
    'matches.sameCity': 'In your city', 'matches.why': 'Why this opportunity?', 'candidates.why': 'Why this volunteer?',
    'org.opportunities': 'Opportunities', 'org.candidates': 'Best candidates', 'org.applicants': 'Applicants', 'org.pick': 'Pick an opportunity',
    'org.applied': 'Applied', 'org.hours': (h) => `${h} verified hours`, 'org.noApplicants': 'No applicants yet', 'org.volunteer': 'Volunteer',
    'component.skills': 'Skills', 'component.field': 'Field', 'component.distance': 'Distance', 'component.language': 'Language',
    'component.text': 'Text', 'component.freshness': 'Freshness', 'component.city': 'City', 'component.capacity': 'Seats left',
    'component.experience': 'Experience', 'component.urgency': 'Starts soon', 'component.verified': 'Verified organization',
    'component.past_field': 'Volunteered in this field before', 'component.past_organization': 'Volunteered with this organization before',
    'component.track_record': 'Completion record', 'component.weekdays': 'Days that suit', 'component.tiebreak': 'Taking turns among equals',
    'component.exposure': 'Shown less often',
    'sort.label': 'Sort', 'sort.relevance': 'Most relevant', 'sort.newest': 'Newest', 'sort.soonest': 'Starting soonest', 'sort.nearest': 'Nearest',
    'mode.on_site': 'On site', 'mode.remote': 'Remote', 'mode.hybrid': 'Hybrid',
    'state.draft': 'Draft', 'state.published': 'Published', 'state.closed': 'Closed', 'state.pending': 'Pending',
    'state.accepted': 'Accepted', 'state.rejected': 'Rejected', 'state.withdrawn': 'Withdrawn', 'state.completed': 'Completed',
    'error': 'Error', 'retry': 'Try again',
  },
};

const listeners = [];
let current = localStorage.getItem('language') === 'en' ? 'en' : 'ar';

export function language() {
  return current;
}

export function t(key, ...args) {
  const value = STRINGS[current][key] ?? STRINGS.ar[key] ?? key;
  return typeof value === 'function' ? value(...args) : value;
}

/** A taxonomy term's name in the page's language. */
export function termName(term) {
  return term ? (current === 'en' ? term.en : term.ar) : '';
}

export function setLanguage(next) {
  current = next === 'en' ? 'en' : 'ar';
  localStorage.setItem('language', current);
  applyToDocument();
  listeners.forEach((listener) => listener(current));
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

export function applyToDocument() {
  const root = document.documentElement;
  root.lang = current;
  root.dir = current === 'ar' ? 'rtl' : 'ltr';
  document.title = t('brand');
  document.querySelectorAll('[data-i18n]').forEach((node) => {
    node.textContent = t(node.dataset.i18n);
  });
  const toggle = document.getElementById('language');
  toggle.textContent = current === 'ar' ? 'English' : 'العربية';
  toggle.lang = current === 'ar' ? 'en' : 'ar';
  toggle.dir = current === 'ar' ? 'ltr' : 'rtl';
}
