<!DOCTYPE html>
<html lang="ja">
<head prefix="og: http://ogp.me/ns# fb: http://ogp.me/ns/fb# article: http://ogp.me/ns/article#">
<meta charset="UTF-8">
<meta name="viewport" content="width=1100">
<title>米、カナダとメキシコへの関税発動を30日延期 国境対策強化で合意 | ロイター | ニューズウィーク日本版 オフィシャルサイト</title>
<meta name="description" content="[ワシントン 3日 ロイター] - トランプ米大統領は3日、カナダとメキシコからの輸入品に課すとしていた25%の関税について、発動を30日間延期すると明らかにし">
<meta property="og:type" content="article">
<meta property="og:title" content="米、カナダとメキシコへの関税発動を30日延期 国境対策強化で合意">
<script type="application/ld+json">
{
"@context": "https://schema.org",
"@type": "NewsArticle",
"headline": "米、カナダとメキシコへの関税発動を30日延期 国境対策強化で合意",
"datePublished": "2025-02-04T08:15:00+09:00",
"articleSection": "ワールド",
"publisher": {
"@type": "Organization",
"name": "ニューズウィーク日本版"
}
}
</script>
<link rel="stylesheet" href="/css/common/import.css" type="text/css">
<link rel="stylesheet" href="/css/print.css" type="text/css" media="print"/>
<script src="/js/lib/jquery.min.js"></script>
<!-- head_end -->
</head>
<body id="headlines" class=" ">
<!-- container -->
<div id="container" class="headlines">
<!-- bnrHead -->
<div id="bnrHead" class="imgOver">
<ins class="adsbygoogle" style="display:inline-block;width:728px;height:90px" data-ad-client="ca-pub-8662315226639749" data-ad-slot="5330521871"></ins>
<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>
</div>
<!-- /bnrHead -->
<div id="head">
<div class="header_inner">
<div id="naviWrap" class="clearfix">
<ul id="navi" class="rollover clearfix">
<li class="nav_global"><a href="http://www.newsweek.com/" target="_blank"><span class="icon"></span>Newsweek.com</a></li>
<li class="nav_search"><span class="icon"></span>
<form id="cse-search-box" action="/search/" method="get"><input type="text" name="q" class="l-search__text" id="searchinput" placeholder="サイト内検索"/></form>
</li>
<li class="nav_magazine"><a href="/magazine/">本誌紹介<span class="arrow_left_w"></span></a></li>
<li class="nav_subscription"><a href="https://fujisan.co.jp/pc/web-nwj" target="_blank">お得な定期購読<span class="arrow_left_w"></span></a></li>
</ul>
</div>
<ul id="categoryNaviWrap" class="rollover clearfix">
<li class="js-login" style="display:none"><a href="/login/">ログイン</a></li>
<li class="js-mypage nav_paywall member" style="display:none"><a href="javascript:void(0)">会員情報</a>
<div><ul><li><a href="/mypage/">マイページ</a></li><li><a href="/logout/">ログアウト</a></li></ul></div>
</li>
<li class="nav_stories"><a class="txt_col_rd" href="/stories/">最新記事</a></li>
<li class="nav_column"><a class="txt_col_gr" href="/column/">コラム一覧</a></li>
<li class="nav_headlines"><a class="txt_col_bl" href="/headlines/">ニュース速報</a></li>
<li class="nav_ranking"><a class="txt_col_rd" href="#sideRankingPanel">ランキング</a></li>
</ul>
<div id="logo"><a href="/"><img src="/images/header/logo.gif" width="382" height="57" alt="Newsweek" title="Newsweek" /></a></div>
<div id="pageNaviWrap" class="clearfix">
<ul class="rollover clearfix">
<li><a href="/headlines/world/">ワールド</a></li>
<li><a href="/headlines/business/">ビジネス</a></li>
<li><a href="/stories/">特集・最新記事</a></li>
<li><a href="/column/">コラム</a></li>
</ul>
</div>
</div>
</div>
<!-- /head -->
<!-- contentWrap -->
<div id="contentWrap" class="clearfix">
<div id="contentHead" class="clearfix"><dl id="keyWord">
<dt>注目のキーワード</dt>
<dd class="clearfix"><a href="/tagsearch/%E3%83%AD%E3%82%B7%E3%82%A2" rel="tag" title="ロシアのタグ一覧へ"><span id="first-keyword">ロシア</span></a></dd>
<dd><span class="dot-line"></span><a href="/tagsearch/%E4%B8%AD%E5%9B%BD" rel="tag" title="中国のタグ一覧へ">中国</a></dd>
<dd><span class="dot-line"></span><a href="/tagsearch/%E7%B1%B3%E5%A4%A7%E7%B5%B1%E9%A0%98%E9%81%B8" rel="tag" title="米大統領選のタグ一覧へ">米大統領選</a></dd>
<dd><span class="dot-line"></span><a href="/tagsearch/EU" rel="tag" title="EUのタグ一覧へ">EU</a></dd>
</dl></div>
<!-- content -->
<div id="content">
<!-- pankuzu -->
<div id="topicPath" class="clearfix">
<ol id="breadCrumbs">
<li><a href="/">HOME</a></li>
<li><a href="/headlines/">ニュース速報</a></li>
<li><a href="/headlines/world/">ワールド</a></li>
<li>
米、カナダとメキシコへの関税発動を30日延期 国境…
</li>
</ol>
</div>
<!-- /pankuzu -->
<!-- headTitle -->
<div class="contentPanelTitle clearfix">
<div id="contentTitle" class="content-title-nw">
<div class="nw-label-title bg_col_bl">
<div class="nw-label-title-inner">
<span class="arrow_d"></span><i>ニュース速報</i>
</div>
</div>
</div>
</div>
<!-- headTitle -->
<div class="contentPanel clickableArea containTitleTxt_RR">
<div class="panelNoShadow entryDetail clearfix">
<!-- entry -->
<div class="clearfix">
<div class="entryDetailHeadline border_btm clearfix">
<h1>米、カナダとメキシコへの関税発動を30日延期 国境対策強化で合意</h1>
<div class="entryDataWrap clearfix">
<div class="entryDetailData">
<div class="date">2025年02月04日(火)08時15分</div>
</div>
<!-- ブックマーク -->
<div class="tackBlock clearfix">
<div class="bookmark clearfix">
<div id = "shareTool">
</div>
</div>
<script type="text/javascript" src="/js/sns.js"></script>
<script type="text/javascript">
var postName  = "米、カナダとメキシコへの関税発動を30日延期 国境対策強化で合意"
var parmaLink = "/headlines/world/2025/02/548600.php"
var author    = ""
shareTool(postName, parmaLink, author)
</script>
</div>
</div>
<!-- ブックマーク -->
</div>
<div class="entryAuthor">
<p><span class="author">Laura Chen</span> <span class="author">Diego Ramirez</span></p>
</div>
<!-- entryDetailBodyCopy -->
<div class="entryDetailBodyCopy">
<p>[ワシントン 3日 ロイター] - トランプ米大統領は3日、カナダとメキシコからの輸入品に課すとしていた25%の関税について、発動を30日間延期すると明らかにした。両国が国境管理の強化を約束したことを受けた措置という。</p>
<p>メキシコのシェインバウム大統領は、国境に兵士1万人を派遣すると表明した。カナダのトルドー首相も、国境対策に新たな資金を投じる考えを示した。</p>
<p>一方、中国からの輸入品に対する10%の追加関税は予定通り4日に発動される見通し。</p>
<p>市場では関税をめぐる不透明感が続いており、外国為替市場ではカナダドルとメキシコペソが大きく値動きした。</p>
<p>ロイター</p>
<p>Copyright (C) 2025 トムソンロイター・ジャパン(株) 記事の無断転用を禁じます。</p>
</div>
<!-- /entryDetailBodyCopy -->
</div>
<!-- /entry -->
<!-- あわせて読みたい -->
<div class="related border_btm">
<div class="nw-label-title bg_col_bl"><div class="nw-label-title-inner"><span class="arrow_d"></span><i>あわせて読みたい</i></div></div>
<div class="related-headlines">
<p class="related-category txt_col_bl">ニュース速報</p>
<ul class="related-list">
<li class="clearfix"><p class="label">ワールド</p><a href="/headlines/world/2025/01/548010.php">トランプ氏就任式、寒波で屋内開催に 1985年以来</a></li>
<li class="clearfix"><p class="label">ビジネス</p><a href="/headlines/business/2025/01/548230.php">東京株式市場・大引け＝続伸、半導体関連に買い 米政…</a></li>
</ul>
</div>
</div>
<!-- /あわせて読みたい -->
</div>
</div>
<div id="btm-contents">
<!-- 関連ワード -->
<div id="related-words" class="border_btm">
<div class="nw-label-title bg_col_bk">
<div class="nw-label-title-inner">
<span class="arrow_d"></span><i>関連ワード</i>
</div>
</div>
<ul>
<li><a href="/tagsearch/関税" rel="tag" title="関税のタグ一覧へ">関税</a></li><li><a href="/tagsearch/トランプ" rel="tag" title="トランプのタグ一覧へ">トランプ</a></li> </ul>
</div>
<div id="latestheadlineslist" class="pageDetail mt20">
<a href="/headlines/">
<div class="nw-label-title bg_col_bl">
<div class="nw-label-title-inner">
<span class="arrow_d"></span><i>ニュース速報</i>
</div>
</div>
</a>
<div class="list_wrap border_btm clearfix">
<div class="list-content"><a href="/headlines/world/2025/02/548600.php"></a><div class="entryImg"><img   src="/images/demo/photo.svg" width="186" height="186"></div><div class="content-txt"><div class="entry clearfix"><p class="label">ワールド</p><div class="entryTxt"><div class="title">米、カナダとメキシコへの関税発動を30日延期 …</div><div class="entryDate">2025.02.04</div></div></div></div></div><div class="list-content"><a href="/headlines/business/2025/01/548230.php"></a><div class="entryImg"><img   src="/images/demo/photo.svg" width="186" height="186"></div><div class="content-txt"><div class="entry clearfix"><p class="label">ビジネス</p><div class="entryTxt"><div class="title">東京株式市場・大引け＝続伸、半導体関連に買い …</div><div class="entryDate">2025.01.22</div></div></div></div></div><div class="list-content"><a href="/headlines/world/2025/01/548120.php"></a><div class="entryImg"><img   src="/images/demo/photo.svg" width="186" height="186"></div><div class="content-txt"><div class="entry clearfix"><p class="label">ワールド</p><div class="entryTxt"><div class="title">ガザ停戦が発効、人質3人解放 イスラエルは収監…</div><div class="entryDate">2025.01.20</div></div></div></div></div>
</div>
<div class="txt_col_bl btmLink"><a href="/headlines/"><span class="arrow_btm_link"></span>ニュース速報一覧</a></div>
</div>
</div>
</div>
<!-- /content -->
<!-- sideContent -->
<div id="sideContent">
<div id="sideMagazine" class="border_btm">
<div class="nw-label-title bg_col_bk">
<div class="nw-label-title-inner">
<span class="arrow_d"></span><i>MAGAZINE</i>
</div>
</div>
<div class="magazineBox clearfix">
<div class="magazineImg"><a href="/magazine/"><img src="https://img-newsweekjapan.jp/magazine/images/2025-11-25.jpg" alt="特集:世界も「老害」戦争" width="120"></a></div>
<div class="magazineTxt">
<p class="title"><a href="/magazine/">特集:世界も「老害」戦争</a></p>
<p class="issue">2025年11月25日号(11/18発売)</p>
<p class="lead">アメリカもヨーロッパも高齢化が進み、未来を担う若者が「犠牲」に</p>
</div>
</div>
<div class="mailMagazine"><a href="/mailmagazine/">メールマガジンのご登録はこちらから。</a></div>
</div>
<div id="sideRankingPanel" class="border_btm">
<div class="nw-label-title bg_col_rd">
<div class="nw-label-title-inner">
<span class="arrow_d"></span><i>人気ランキング</i>
</div>
</div>
<ul class="rankingTab clearfix"><li class="on"><a href="#ranking-1">総合</a></li></ul>
<ol class="rankingList" id="ranking-1"><li class="clearfix"><span class="rankNum">1</span><a href="/stories/technology/2025/02/post-107300.php"><p class="title">中国発AI「DeepSeek」の衝撃、米ハイテク株が揺れた1日</p></a></li><li class="clearfix"><span class="rankNum">2</span><a href="/stories/world/2025/01/post-107050.php"><p class="title">「売り物ではない」グリーンランド、トランプの野心に揺れる北の島</p></a></li><li class="clearfix"><span class="rankNum">3</span><a href="/headlines/world/2025/02/548600.php"><p class="title">米、カナダとメキシコへの関税発動を30日延期 国境対策強化で合意</p></a></li><li class="clearfix"><span class="rankNum">4</span><a href="/hayashi/2025/01/post-12.php"><p class="title">「出社回帰」をめぐる日米の温度差</p></a></li><li class="clearfix"><span class="rankNum">5</span><a href="/headlines/world/2025/01/548000.php"><p class="title">ロシア・イラン大統領、戦略条約締結 20年協定で防衛協力を強化</p></a></li></ol>
<div class="btmLink txt_col_rd"><a href="/ranking/"><span class="arrow_btm_link"></span>ランキング一覧</a></div>
</div>
</div>
<!-- /sideContent -->
</div>
<!-- /contentWrap -->
<!-- footer -->
<div id="footer">
<div class="footer_inner clearfix">
<div id="footerLogo"><a href="/"><img src="/images/footer/logo.gif" alt="Newsweek 日本版"></a></div>
<ul class="footerNavi clearfix">
<li><a href="/info/company.html">会社概要</a></li>
<li><a href="/info/privacy.html">プライバシーポリシー</a></li>
<li><a href="/info/ad.html">広告掲載</a></li>
<li><a href="/info/contact.html">お問い合わせ</a></li>
<li><a href="/headlines.rss">RSS</a></li>
</ul>
<p class="copyright">Copyright (C) 2025 CCC Media House Co.,Ltd. All Rights Reserved.</p>
</div>
</div>
<!-- /footer -->
</div>
<!-- /container -->
</body>
</html>
