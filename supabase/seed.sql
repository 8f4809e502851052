-- Demo data: Binh Duong's innovation region. Loaded once, on first start, through the service path.
-- Every demo account's password is in app/platform/server/demo.ts; none of this is a real account.

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at) values
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'admin@demo.binhduong.example', '$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK', now(), '{"provider":"email","providers":["email"]}', '{"display_name":"Nguyễn Quản Trị"}', now(), now()),
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000002', 'authenticated', 'authenticated', 'manager@demo.binhduong.example', '$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK', now(), '{"provider":"email","providers":["email"]}', '{"display_name":"Trần Thị Mai"}', now(), now()),
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000003', 'authenticated', 'authenticated', 'eiu.manager@demo.binhduong.example', '$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK', now(), '{"provider":"email","providers":["email"]}', '{"display_name":"Lê Minh Khoa"}', now(), now()),
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000004', 'authenticated', 'authenticated', 'reviewer@demo.binhduong.example', '$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK', now(), '{"provider":"email","providers":["email"]}', '{"display_name":"Phạm Văn Hùng"}', now(), now()),
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000005', 'authenticated', 'authenticated', 'mentor@demo.binhduong.example', '$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK', now(), '{"provider":"email","providers":["email"]}', '{"display_name":"Anna de Vries"}', now(), now()),
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000006', 'authenticated', 'authenticated', 'researcher@demo.binhduong.example', '$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK', now(), '{"provider":"email","providers":["email"]}', '{"display_name":"Võ Thị Lan"}', now(), now()),
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000007', 'authenticated', 'authenticated', 'partner@demo.binhduong.example', '$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK', now(), '{"provider":"email","providers":["email"]}', '{"display_name":"Đặng Quốc Bảo"}', now(), now()),
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000008', 'authenticated', 'authenticated', 'staff@demo.binhduong.example', '$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK', now(), '{"provider":"email","providers":["email"]}', '{"display_name":"Huỳnh Thanh Tâm"}', now(), now()),
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000009', 'authenticated', 'authenticated', 'founder@demo.binhduong.example', '$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK', now(), '{"provider":"email","providers":["email"]}', '{"display_name":"Ngô Gia Huy"}', now(), now()),
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000010', 'authenticated', 'authenticated', 'founder2@demo.binhduong.example', '$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK', now(), '{"provider":"email","providers":["email"]}', '{"display_name":"Bùi Ngọc Anh"}', now(), now()),
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000011', 'authenticated', 'authenticated', 'public@demo.binhduong.example', '$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK', now(), '{"provider":"email","providers":["email"]}', '{"display_name":"Đỗ Minh Tuấn"}', now(), now());

insert into public.profiles (id, display_name, locale, languages, time_zone, bio) values
  ('00000000-0000-4000-8000-000000000001', 'Nguyễn Quản Trị', 'vi', '{vi}', 'Asia/Ho_Chi_Minh', ''),
  ('00000000-0000-4000-8000-000000000002', 'Trần Thị Mai', 'vi', '{vi,en}', 'Asia/Ho_Chi_Minh', ''),
  ('00000000-0000-4000-8000-000000000003', 'Lê Minh Khoa', 'en', '{vi,en}', 'Asia/Ho_Chi_Minh', ''),
  ('00000000-0000-4000-8000-000000000004', 'Phạm Văn Hùng', 'vi', '{vi}', 'Asia/Ho_Chi_Minh', ''),
  ('00000000-0000-4000-8000-000000000005', 'Anna de Vries', 'en', '{vi,en}', 'Europe/Amsterdam', ''),
  ('00000000-0000-4000-8000-000000000006', 'Võ Thị Lan', 'vi', '{vi,en}', 'Asia/Ho_Chi_Minh', ''),
  ('00000000-0000-4000-8000-000000000007', 'Đặng Quốc Bảo', 'vi', '{vi}', 'Asia/Ho_Chi_Minh', ''),
  ('00000000-0000-4000-8000-000000000008', 'Huỳnh Thanh Tâm', 'vi', '{vi}', 'Asia/Ho_Chi_Minh', ''),
  ('00000000-0000-4000-8000-000000000009', 'Ngô Gia Huy', 'vi', '{vi}', 'Asia/Ho_Chi_Minh', ''),
  ('00000000-0000-4000-8000-000000000010', 'Bùi Ngọc Anh', 'en', '{en}', 'Asia/Ho_Chi_Minh', ''),
  ('00000000-0000-4000-8000-000000000011', 'Đỗ Minh Tuấn', 'vi', '{vi}', 'Asia/Ho_Chi_Minh', '')
-- The sign-up trigger already made a plain profile for each account above; fill in the demo's.
on conflict (id) do update set display_name = excluded.display_name, locale = excluded.locale,
  languages = excluded.languages, time_zone = excluded.time_zone, bio = excluded.bio;

insert into public.platform_admins (user_id) values ('00000000-0000-4000-8000-000000000001');
insert into public.organisations (id, slug, kind, name_vi, name_en, description_vi, description_en, parent_id) values
  ('10000000-0000-4000-8000-000000000001', 'bd-innovation-centre', 'innovation_centre',
   'Trung tâm Đổi mới Sáng tạo Bình Dương', 'Binh Duong Innovation Centre',
   'Hạt nhân của chương trình thành phố thông minh Bình Dương: kết nối khởi nghiệp, trường đại học, doanh nghiệp và chính quyền; tổ chức diễn đàn đổi mới sáng tạo hằng năm.',
   'The hub of Binh Duong''s smart-city programme: it connects startups, universities, businesses and government and hosts the yearly innovation forum.', null),
  ('10000000-0000-4000-8000-000000000002', 'bd-incubator', 'incubator',
   'Vườn ươm Doanh nghiệp Bình Dương', 'Binh Duong Business Incubator',
   'Chương trình ươm tạo 6 tháng cho khởi nghiệp công nghệ đô thị thông minh, với phòng họp, chỗ ngồi linh hoạt và phòng thí nghiệm IoT.',
   'A six-month incubation programme for smart-city tech startups, with meeting rooms, hot desks and an IoT lab.', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000003', 'eiu', 'university',
   'Trường Đại học Quốc tế Miền Đông', 'Eastern International University',
   'Trường đại học trong Thành phố mới Bình Dương, mạnh về kỹ thuật, công nghệ thông tin và điều dưỡng.',
   'A university in Binh Duong New City, strong in engineering, IT and nursing.', null),
  ('10000000-0000-4000-8000-000000000004', 'eiu-incubator', 'incubator',
   'Vườn ươm Khởi nghiệp EIU', 'EIU Startup Incubator',
   'Vườn ươm trong trường đại học, giúp sinh viên và giảng viên đưa kết quả nghiên cứu ra thị trường.',
   'The university''s incubator, helping students and faculty take research to market.', '10000000-0000-4000-8000-000000000003'),
  ('10000000-0000-4000-8000-000000000005', 'tdmu', 'university',
   'Trường Đại học Thủ Dầu Một', 'Thu Dau Mot University',
   'Trường đại học công lập của tỉnh, với các nhóm nghiên cứu về đô thị thông minh và môi trường.',
   'The province''s public university, with research groups in smart cities and the environment.', null),
  ('10000000-0000-4000-8000-000000000006', 'becamex', 'business',
   'Tổng Công ty Becamex IDC', 'Becamex IDC Corporation',
   'Tập đoàn phát triển hạ tầng và khu công nghiệp, đối tác doanh nghiệp của chương trình thành phố thông minh.',
   'Infrastructure and industrial-park developer, the business partner of the smart-city programme.', null),
  ('10000000-0000-4000-8000-000000000007', 'bd-dost', 'government_agency',
   'Sở Khoa học và Công nghệ tỉnh Bình Dương', 'Binh Duong Department of Science and Technology',
   'Cơ quan quản lý nhà nước về khoa học, công nghệ và đổi mới sáng tạo của tỉnh; đồng tài trợ các dự án nghiên cứu.',
   'The provincial agency for science, technology and innovation; co-funds research projects.', null),
  ('10000000-0000-4000-8000-000000000008', 'bd-ventures', 'investor',
   'Quỹ Khởi nghiệp Bình Dương', 'Binh Duong Ventures',
   'Quỹ đầu tư giai đoạn sớm cho khởi nghiệp trong vùng.',
   'An early-stage fund for the region''s startups.', null);

insert into public.memberships (org_id, user_id, role) values
  ('10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002', 'manager'),
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'staff'),
  ('10000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000003', 'manager'),
  ('10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000004', 'reviewer'),
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000005', 'mentor'),
  ('10000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000006', 'researcher'),
  ('10000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000007', 'partner'),
  ('10000000-0000-4000-8000-000000000007', '00000000-0000-4000-8000-000000000008', 'staff');

insert into public.startups (id, slug, name, description_vi, description_en, sector, stage, website) values
  ('20000000-0000-4000-8000-000000000001', 'smartwater-bd', 'SmartWater BD',
   'Cảm biến IoT phát hiện rò rỉ trong mạng lưới cấp nước đô thị.', 'IoT sensors that find leaks in city water networks.',
   'smart-city', 'mvp', 'https://smartwater.example'),
  ('20000000-0000-4000-8000-000000000002', 'agrilink', 'AgriLink',
   'Sàn kết nối nông dân với bếp ăn khu công nghiệp.', 'A marketplace linking farmers with industrial-park canteens.',
   'agritech', 'prototype', null),
  ('20000000-0000-4000-8000-000000000003', 'greenpack', 'GreenPack',
   'Bao bì phân hủy sinh học từ phụ phẩm nông nghiệp.', 'Biodegradable packaging from farm by-products.',
   'materials', 'idea', null);

insert into public.startup_members (startup_id, user_id, role) values
  ('20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000009', 'founder'),
  ('20000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000010', 'founder');

-- The upcoming forum, always about two months ahead of the day the demo is loaded.
insert into public.events (org_id, slug, kind, title_vi, title_en, summary_vi, summary_en, venue, starts_at, ends_at, capacity, published) values
  ('10000000-0000-4000-8000-000000000001', 'binh-duong-innovation-forum', 'forum',
   'Diễn đàn Đổi mới Sáng tạo Bình Dương', 'Binh Duong Innovation Forum',
   'Diễn đàn thường niên về thành phố thông minh: phiên thảo luận cấp cao, triển lãm khởi nghiệp và kết nối đầu tư, với đối tác từ Eindhoven.',
   'The yearly smart-city forum: high-level panels, a startup exhibition and investor matchmaking, with partners from Eindhoven.',
   'Trung tâm Hội nghị và Triển lãm Bình Dương, Thành phố mới Bình Dương',
   date_trunc('day', now() + interval '60 days') + interval '1 hour 30 minutes',
   date_trunc('day', now() + interval '60 days') + interval '10 hours', 800, true),
  ('10000000-0000-4000-8000-000000000002', 'smart-city-demo-day', 'demo_day',
   'Ngày trình diễn khởi nghiệp đô thị thông minh', 'Smart-city startup demo day',
   'Các khởi nghiệp trong vườn ươm trình bày sản phẩm trước nhà đầu tư và doanh nghiệp.',
   'Incubated startups pitch their products to investors and businesses.',
   'Vườn ươm Doanh nghiệp Bình Dương, Hội trường A',
   date_trunc('day', now() + interval '25 days') + interval '2 hours',
   date_trunc('day', now() + interval '25 days') + interval '6 hours', 120, true);

insert into public.spaces (org_id, kind, name_vi, name_en, description_vi, description_en, capacity, hourly_price_vnd, members_only) values
  ('10000000-0000-4000-8000-000000000002', 'meeting_room', 'Phòng họp Sông Bé', 'Song Be meeting room',
   'Phòng họp 8 chỗ với màn hình và thiết bị họp trực tuyến.', 'Eight seats, a screen and video-conferencing.', 8, 150000, true),
  ('10000000-0000-4000-8000-000000000002', 'meeting_room', 'Phòng họp Lái Thiêu', 'Lai Thieu meeting room',
   'Phòng họp nhỏ 4 chỗ cho buổi cố vấn.', 'A small four-seat room for mentoring sessions.', 4, 0, true),
  ('10000000-0000-4000-8000-000000000002', 'hot_desk', 'Khu chỗ ngồi linh hoạt', 'Hot-desk area',
   '24 chỗ ngồi linh hoạt, đặt theo ngày.', 'Twenty-four hot desks, booked by the day.', 24, 0, true),
  ('10000000-0000-4000-8000-000000000002', 'lab', 'Phòng thí nghiệm IoT', 'IoT lab',
   'Thiết bị đo, in 3D và bộ phát triển cảm biến cho các dự án thành phố thông minh.', 'Test equipment, 3D printing and sensor kits for smart-city projects.', 6, 300000, true),
  ('10000000-0000-4000-8000-000000000001', 'hall', 'Hội trường Đổi mới', 'Innovation hall',
   'Hội trường 200 chỗ cho sự kiện và lễ ra mắt.', 'A 200-seat hall for events and launches.', 200, 2000000, false);

-- Applications: the incubator's smart-city programme with an open call, its form and rubric.
insert into public.programs (id, org_id, slug, name_vi, name_en, description_vi, description_en) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'smart-city-incubation',
   'Chương trình ươm tạo khởi nghiệp thành phố thông minh', 'Smart-city startup incubation programme',
   'Sáu tháng ươm tạo cho khởi nghiệp giải quyết bài toán đô thị của Bình Dương: cố vấn, không gian làm việc, phòng thí nghiệm IoT và kết nối với doanh nghiệp, nhà đầu tư.',
   'Six months of incubation for startups solving Binh Duong''s urban problems: mentors, workspace, an IoT lab and introductions to businesses and investors.');

insert into public.calls (id, program_id, slug, title_vi, title_en, description_vi, description_en, opens_at, closes_at, published, blind_fields, reviews_per_application, shortlist_threshold) values
  ('31000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', 'smart-city-2027',
   'Tuyển chọn khóa 2027', 'Cohort 2027 call',
   'Dành cho khởi nghiệp có sản phẩm mẫu hoặc MVP, đăng ký hoặc hoạt động tại Bình Dương.',
   'For startups with a prototype or MVP, registered or operating in Binh Duong.',
   date_trunc('day', now() - interval '7 days') + interval '1 hour',
   date_trunc('day', now() + interval '30 days') + interval '16 hours 59 minutes',
   true, '{founders,team}', 2, 60);

insert into public.call_tracks (id, call_id, position, name_vi, name_en) values
  ('32000000-0000-4000-8000-000000000001', '31000000-0000-4000-8000-000000000001', 1, 'Đô thị thông minh', 'Smart city'),
  ('32000000-0000-4000-8000-000000000002', '31000000-0000-4000-8000-000000000001', 2, 'Nông nghiệp công nghệ cao', 'Agritech');

insert into public.call_questions (id, call_id, step, position, kind, label_vi, label_en, help_vi, help_en, required, options, max_length, min_number, max_number, blind, eligibility_values) values
  ('33000000-0000-4000-8000-000000000001', '31000000-0000-4000-8000-000000000001', 1, 1, 'choice',
   'Doanh nghiệp của bạn đăng ký hoặc hoạt động tại Bình Dương?', 'Is your startup registered or operating in Binh Duong?', '', '', true,
   '[{"value":"yes","vi":"Có","en":"Yes"},{"value":"no","vi":"Không","en":"No"}]', null, null, null, false, '{yes}'),
  ('33000000-0000-4000-8000-000000000002', '31000000-0000-4000-8000-000000000001', 1, 2, 'long_text',
   'Nhà sáng lập và đội ngũ', 'Founders and team', 'Họ tên, vai trò và kinh nghiệm của từng thành viên.', 'Names, roles and experience of each member.', true,
   '[]', 3000, null, null, true, null),
  ('33000000-0000-4000-8000-000000000003', '31000000-0000-4000-8000-000000000001', 1, 3, 'number',
   'Số thành viên toàn thời gian', 'Full-time team members', '', '', true, '[]', null, 1, 200, false, null),
  ('33000000-0000-4000-8000-000000000004', '31000000-0000-4000-8000-000000000001', 2, 1, 'long_text',
   'Bạn giải quyết vấn đề gì của đô thị?', 'Which urban problem do you solve?', '', '', true, '[]', 3000, null, null, false, null),
  ('33000000-0000-4000-8000-000000000005', '31000000-0000-4000-8000-000000000001', 2, 2, 'long_text',
   'Giải pháp và điểm khác biệt', 'Your solution and what sets it apart', '', '', true, '[]', 3000, null, null, false, null),
  ('33000000-0000-4000-8000-000000000006', '31000000-0000-4000-8000-000000000001', 2, 3, 'choice',
   'Giai đoạn sản phẩm', 'Product stage', '', '', true,
   '[{"value":"prototype","vi":"Sản phẩm mẫu","en":"Prototype"},{"value":"mvp","vi":"MVP","en":"MVP"},{"value":"revenue","vi":"Đã có doanh thu","en":"Revenue"}]', null, null, null, false, null),
  ('33000000-0000-4000-8000-000000000007', '31000000-0000-4000-8000-000000000001', 3, 1, 'file',
   'Bài thuyết trình (PDF, tối đa 10 MB)', 'Pitch deck (PDF, up to 10 MB)', '', '', true, '[]', null, null, null, false, null),
  ('33000000-0000-4000-8000-000000000008', '31000000-0000-4000-8000-000000000001', 3, 2, 'link',
   'Video giới thiệu (liên kết)', 'Pitch video (link)', 'YouTube, Vimeo hoặc Google Drive.', 'YouTube, Vimeo or Google Drive.', false, '[]', 500, null, null, false, null);

insert into public.rubric_criteria (id, call_id, position, name_vi, name_en, description_vi, description_en, weight, comment_required, max_level) values
  ('34000000-0000-4000-8000-000000000001', '31000000-0000-4000-8000-000000000001', 1, 'Vấn đề và thị trường', 'Problem and market', 'Vấn đề có thật, thị trường đủ lớn.', 'A real problem and a large enough market.', 3, false, 5),
  ('34000000-0000-4000-8000-000000000002', '31000000-0000-4000-8000-000000000001', 2, 'Đội ngũ', 'Team', 'Năng lực thực hiện của đội ngũ.', 'The team''s ability to deliver.', 2, false, 5),
  ('34000000-0000-4000-8000-000000000003', '31000000-0000-4000-8000-000000000001', 3, 'Đổi mới', 'Innovation', 'Mức độ mới của giải pháp.', 'How new the solution is.', 2, false, 5),
  ('34000000-0000-4000-8000-000000000004', '31000000-0000-4000-8000-000000000001', 4, 'Tác động đô thị thông minh', 'Smart-city impact', 'Lợi ích cho người dân và thành phố.', 'Benefit for residents and the city.', 3, true, 5);

insert into public.rubric_levels (criterion_id, level, description_vi, description_en)
select c.id, l.level, l.vi, l.en
  from public.rubric_criteria c
 cross join (values
   (1, 'Rất yếu: thiếu bằng chứng', 'Very weak: no evidence'),
   (2, 'Yếu: bằng chứng rời rạc', 'Weak: scattered evidence'),
   (3, 'Đạt: thuyết phục một phần', 'Adequate: partly convincing'),
   (4, 'Tốt: thuyết phục, có số liệu', 'Good: convincing, with data'),
   (5, 'Xuất sắc: bằng chứng mạnh, đã kiểm chứng', 'Excellent: strong, verified evidence')) as l(level, vi, en)
 where c.call_id = '31000000-0000-4000-8000-000000000001';

insert into public.decision_templates (call_id, decision, body_vi, body_en) values
  ('31000000-0000-4000-8000-000000000001', 'accepted', 'Chúc mừng! Hồ sơ của bạn đã được chọn vào khóa ươm tạo 2027. Hãy xác nhận tham gia trước hạn.', 'Congratulations! Your startup was selected for the 2027 cohort. Please confirm before the deadline.'),
  ('31000000-0000-4000-8000-000000000001', 'waitlisted', 'Hồ sơ của bạn nằm trong danh sách chờ. Chúng tôi sẽ liên hệ nếu có chỗ.', 'Your application is on the waiting list. We will be in touch if a place opens.'),
  ('31000000-0000-4000-8000-000000000001', 'rejected', 'Cảm ơn bạn đã nộp hồ sơ. Lần này chúng tôi chưa thể chọn doanh nghiệp của bạn.', 'Thank you for applying. This time we could not select your startup.');

-- AgriLink has applied; the incubator's reviewer has it to review. SmartWater has not applied yet.
insert into public.applications (id, call_id, startup_id, track_id, status, stage, eligible, submitted_at, created_by) values
  ('35000000-0000-4000-8000-000000000001', '31000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002',
   '32000000-0000-4000-8000-000000000002', 'submitted', 'review', true, now() - interval '2 days', '00000000-0000-4000-8000-000000000010');
insert into public.application_answers (application_id, question_id, value) values
  ('35000000-0000-4000-8000-000000000001', '33000000-0000-4000-8000-000000000001', '"yes"'),
  ('35000000-0000-4000-8000-000000000001', '33000000-0000-4000-8000-000000000002', '"Bùi Ngọc Anh (CEO, 6 năm logistics nông sản), Lâm Quốc Việt (CTO)"'),
  ('35000000-0000-4000-8000-000000000001', '33000000-0000-4000-8000-000000000003', '4'),
  ('35000000-0000-4000-8000-000000000001', '33000000-0000-4000-8000-000000000004', '"Canteens in industrial parks buy vegetables through three middlemen; farmers get 30% of the price."'),
  ('35000000-0000-4000-8000-000000000001', '33000000-0000-4000-8000-000000000005', '"A marketplace with cold-chain pickup routes shared between canteens."'),
  ('35000000-0000-4000-8000-000000000001', '33000000-0000-4000-8000-000000000006', '"prototype"');
insert into public.review_assignments (application_id, reviewer_id, round, assigned_by) values
  ('35000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004', 'review', '00000000-0000-4000-8000-000000000002');

-- Mentoring: the shared expertise taxonomy; Anna de Vries (an Eindhoven mentor working from the
-- innovation centre) mentors for the incubator's programme, with weekly hours on her own clock so
-- founders can book her; SmartWater is in the programme's cohort, its needs written, matched to her.
insert into public.expertise_tags (slug, name_vi, name_en) values
  ('marketing', 'Tiếp thị', 'Marketing'),
  ('sales', 'Bán hàng', 'Sales'),
  ('fundraising', 'Gọi vốn', 'Fundraising'),
  ('product', 'Phát triển sản phẩm', 'Product development'),
  ('iot', 'Internet vạn vật (IoT)', 'Internet of Things (IoT)'),
  ('hardware', 'Phần cứng', 'Hardware'),
  ('legal', 'Pháp lý', 'Legal'),
  ('finance', 'Tài chính', 'Finance'),
  ('export', 'Xuất khẩu', 'Export'),
  ('public-sector', 'Làm việc với cơ quan nhà nước', 'Working with government'),
  ('supply-chain', 'Chuỗi cung ứng', 'Supply chain'),
  ('team', 'Xây dựng đội ngũ', 'Team building');

insert into public.memberships (org_id, user_id, role) values
  ('10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000005', 'mentor');

insert into public.mentor_profiles (user_id, org_id, bio, expertise, sectors, languages, stages, time_zone, max_startups, hours_per_month) values
  ('00000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001',
   'Fifteen years building smart-city hardware in Eindhoven; now helps Binh Duong startups take sensors from pilot to city-wide roll-out.',
   '{iot,hardware,public-sector,fundraising}', '{smart-city,cleantech}', '{en,nl}', '{prototype,mvp,seed}', 'Europe/Amsterdam', 3, 8);

-- Monday to Thursday mornings in Eindhoven: the afternoon in Binh Duong.
insert into public.mentor_weekly_hours (mentor_id, weekday, starts, ends)
select '00000000-0000-4000-8000-000000000005', d, '09:00', '12:00' from generate_series(1, 4) d;

insert into public.program_mentors (program_id, mentor_id, approved_by) values
  ('30000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000002');

insert into public.cohort_members (program_id, startup_id) values
  ('30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001');

insert into public.startup_needs (startup_id, expertise, languages, note) values
  ('20000000-0000-4000-8000-000000000001', '{iot,public-sector,fundraising}', '{vi,en}',
   'We pilot leak sensors with Binh Duong Water and need help with the city-wide tender and our seed round.');

insert into public.startup_mentors (startup_id, mentor_id, program_id, assigned_by) values
  ('20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000005', '30000000-0000-4000-8000-000000000001',
   '00000000-0000-4000-8000-000000000002');

-- The forum's registration: two days (the second for the exhibition), an agenda with speakers, a
-- free general ticket and a hidden partner ticket sharing the hall's quota, a question, and the
-- student ticket with its own smaller quota inside the hall's.
update public.events set
  ends_at = starts_at + interval '1 day 8 hours',
  description_vi = 'Hai ngày: ngày đầu là các phiên thảo luận cấp cao về thành phố thông minh; ngày thứ hai là triển lãm khởi nghiệp và kết nối đầu tư.',
  description_en = 'Two days: high-level smart-city panels on the first, the startup exhibition and investor matchmaking on the second.',
  cancel_hours = 48
 where slug = 'binh-duong-innovation-forum';
insert into public.event_speakers (id, event_id, name, affiliation, bio_vi, bio_en)
select s.id::uuid, e.id, s.name, s.affiliation, s.bio_vi, s.bio_en
  from public.events e, (values
    ('50000000-0000-4000-8000-000000000001', 'Anna de Vries', 'Brainport Eindhoven', 'Chuyên gia hợp tác vùng đổi mới sáng tạo.', 'Works on innovation-region partnerships.'),
    ('50000000-0000-4000-8000-000000000002', 'Nguyễn Thị Lan', 'Đại học Thủ Dầu Một', 'Nhà nghiên cứu đô thị thông minh.', 'Researches smart cities.')
  ) as s (id, name, affiliation, bio_vi, bio_en)
 where e.slug = 'binh-duong-innovation-forum';
insert into public.event_sessions (event_id, title_vi, title_en, room, starts_at, ends_at, speaker_ids)
select e.id, s.title_vi, s.title_en, s.room, e.starts_at + s.starts, e.starts_at + s.ends, s.speakers::uuid[]
  from public.events e, (values
    ('Khai mạc và phiên toàn thể', 'Opening and plenary', 'Hội trường chính', interval '0 hours', interval '2 hours', '{50000000-0000-4000-8000-000000000001}'),
    ('Thành phố thông minh: từ nghiên cứu đến thí điểm', 'Smart city: from research to pilots', 'Phòng 2', interval '3 hours', interval '5 hours', '{50000000-0000-4000-8000-000000000002}'),
    ('Triển lãm khởi nghiệp và kết nối đầu tư', 'Startup exhibition and investor matchmaking', 'Sảnh triển lãm', interval '1 day', interval '1 day 8 hours', '{}')
  ) as s (title_vi, title_en, room, starts, ends, speakers)
 where e.slug = 'binh-duong-innovation-forum';
insert into public.ticket_quotas (id, event_id, name, size)
select q.id::uuid, e.id, q.name, q.size from public.events e, (values
    ('51000000-0000-4000-8000-000000000001', 'Hall', 800), ('51000000-0000-4000-8000-000000000002', 'Students', 100)) as q (id, name, size)
 where e.slug = 'binh-duong-innovation-forum';
insert into public.ticket_types (id, event_id, name_vi, name_en, description_vi, description_en, price_vnd, sales_start, sales_end, hidden, max_per_order, position)
select t.id::uuid, e.id, t.name_vi, t.name_en, t.d_vi, t.d_en, t.price, now() - interval '1 day', e.starts_at, t.hidden, t.max, t.pos
  from public.events e, (values
    ('52000000-0000-4000-8000-000000000001', 'Vé tham dự', 'General admission', 'Cả hai ngày.', 'Both days.', 0, false, 4, 1),
    ('52000000-0000-4000-8000-000000000002', 'Vé sinh viên', 'Student ticket', 'Mang theo thẻ sinh viên.', 'Bring your student card.', 0, false, 1, 2),
    ('52000000-0000-4000-8000-000000000003', 'Vé đối tác', 'Partner ticket', 'Dành cho đối tác, kèm bữa trưa.', 'For partners, lunch included.', 500000, true, 2, 3)
  ) as t (id, name_vi, name_en, d_vi, d_en, price, hidden, max, pos)
 where e.slug = 'binh-duong-innovation-forum';
insert into public.ticket_type_quotas (ticket_type_id, quota_id) values
  ('52000000-0000-4000-8000-000000000001', '51000000-0000-4000-8000-000000000001'),
  ('52000000-0000-4000-8000-000000000002', '51000000-0000-4000-8000-000000000001'),
  ('52000000-0000-4000-8000-000000000002', '51000000-0000-4000-8000-000000000002'),
  ('52000000-0000-4000-8000-000000000003', '51000000-0000-4000-8000-000000000001');
insert into public.ticket_type_codes (ticket_type_id, code) values ('52000000-0000-4000-8000-000000000003', 'PARTNER2026');
insert into public.event_questions (event_id, label_vi, label_en, kind, options, required, position)
select e.id, 'Bạn đến từ đâu?', 'Where are you from?', 'choice', '{"Doanh nghiệp / Business","Trường đại học / University","Cơ quan nhà nước / Government","Khởi nghiệp / Startup"}', false, 1
  from public.events e where e.slug = 'binh-duong-innovation-forum';
