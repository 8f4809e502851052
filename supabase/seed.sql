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
